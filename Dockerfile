# The stakegraph server. Neo4j itself runs from the official image (docker-compose.yml).
FROM python:3.11-slim
WORKDIR /app
COPY pyproject.toml README.md constraints.txt ./
COPY src ./src
RUN pip install --no-cache-dir -c constraints.txt . && useradd --system stakegraph
USER stakegraph
ENV STAKEGRAPH_HOST=0.0.0.0 \
    STAKEGRAPH_PORT=8000 \
    STAKEGRAPH_ALLOW_OPEN=1
EXPOSE 8000
HEALTHCHECK --interval=10s --timeout=3s --retries=5 \
  CMD python -c "import urllib.request,sys; urllib.request.urlopen('http://127.0.0.1:8000/health')"
CMD ["stakegraph", "serve"]
