"""The read side of the schema: each resolver makes one call into the graph layer."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

import strawberry

from stakegraph.api.context import Info, selects, selects_any
from stakegraph.api.explore import StakeholderFilter, StakeholderOrder, stakeholder_filter
from stakegraph.api.relations import Relation
from stakegraph.api.types import (
    NODE_PROPERTY_FIELDS,
    BuyingCenter,
    CustomerConnection,
    CustomerEdge,
    CustomerMap,
    LensVerdict,
    Membership,
    NodeCache,
    PageInfo,
    Stakeholder,
    StakeholderConnection,
    StakeholderEdge,
    Verdict,
    evidence_from,
    from_node,
    person_from_node,
    relation_from,
)
from stakegraph.graph import lens_query, reads, relations
from stakegraph.lenses import CUSTOMER_LENSES, Lens
from stakegraph.records import StakeholderKind

LensList = Annotated[
    list[Lens] | None, strawberry.argument(description="Lenses to show; absent = all.")
]
ExceptList = Annotated[
    list[Lens] | None,
    strawberry.argument(name="except", description="Drop pairs for which any of these hold."),
]

Offering = Annotated[
    str | None,
    strawberry.argument(
        description="Only purchases, uses and services of this offering count; PROSPECT then"
        " never holds (engagements carry no offering)."
    ),
]
Since = Annotated[
    datetime | None,
    strawberry.argument(
        description="Window start, inclusive: purchases, contributions and engagements count"
        " when their `at` is at or after it; undated ones always count; absent = open."
    ),
]
Until = Annotated[
    datetime | None,
    strawberry.argument(
        description="Window end, exclusive: dated interactions count before it (uses and"
        " services when their `since` is before it); absent = open. Must be after since."
    ),
]


async def _connection(
    info: Info,
    anchor_id: str,
    listing: lens_query.Listing,
    lenses: list[Lens] | None,
    except_: list[Lens] | None,
    first: int | None,
    after: str | None,
    window: lens_query.Window,
) -> CustomerConnection:
    evidence = selects(info, "evidence")
    page = await lens_query.page(
        info.context.graph,
        lens_query.PageAsk(
            anchor_id=anchor_id,
            listing=listing,
            lenses=lenses,
            except_=except_,
            first=first,
            after=after,
            window=window.check(),
            evidence=evidence,
            names_only=not selects_any(info, NODE_PROPERTY_FIELDS),
        ),
    )
    nodes = NodeCache()
    edges = [
        CustomerEdge(cursor=page.cursor(r, listing), node=relation_from(r, nodes, evidence))
        for r in page.relations
    ]
    return CustomerConnection(
        edges=edges,
        page_info=PageInfo(
            has_next_page=page.has_next, end_cursor=edges[-1].cursor if edges else None
        ),
        total_count=page.total,
    )


@strawberry.type
class Query:
    @strawberry.field(description="One stakeholder by id, or null.")
    async def stakeholder(self, info: Info, id: strawberry.ID) -> Stakeholder | None:
        node = await reads.stakeholder(info.context.graph, str(id))
        return from_node(node) if node is not None else None

    @strawberry.field(
        description="Stakeholders matching a filter, in pages (keyset cursors) in the chosen "
        "order, with the number of all matches."
    )
    async def stakeholders(
        self,
        info: Info,
        kind: Annotated[
            StakeholderKind | None, strawberry.argument(description="Only this kind.")
        ] = None,
        search: Annotated[
            str | None, strawberry.argument(description="Text the name contains (any case).")
        ] = None,
        first: int | None = 50,
        after: str | None = None,
        filter: Annotated[
            StakeholderFilter | None,
            strawberry.argument(description="Conditions that must all hold."),
        ] = None,
        order_by: Annotated[
            StakeholderOrder | None,
            strawberry.argument(description="The order of the list; null = NAME."),
        ] = StakeholderOrder.NAME,
    ) -> StakeholderConnection:
        page = await reads.stakeholders(
            info.context.graph,
            stakeholder_filter(kind, search, filter),
            (order_by or StakeholderOrder.NAME).name,
            first,
            after,
        )
        edges = [
            StakeholderEdge(cursor=cursor, node=from_node(n))
            for n, cursor in zip(page.nodes, page.cursors, strict=True)
        ]
        return StakeholderConnection(
            edges=edges,
            page_info=PageInfo(
                has_next_page=page.has_next, end_cursor=edges[-1].cursor if edges else None
            ),
            total_count=page.total,
        )

    @strawberry.field(description="Who counts as a customer of the provider, under which lenses.")
    async def customers_of(
        self,
        info: Info,
        provider_id: strawberry.ID,
        lenses: LensList = None,
        except_: ExceptList = None,
        first: int | None = 50,
        after: str | None = None,
        offering: Offering = None,
        since: Since = None,
        until: Until = None,
    ) -> CustomerConnection:
        window = lens_query.Window(since, until, offering)
        listing = lens_query.Listing.CUSTOMERS_OF
        anchor = str(provider_id)
        return await _connection(info, anchor, listing, lenses, except_, first, after, window)

    @strawberry.field(description="Whose customer the stakeholder is, under which lenses.")
    async def providers_of(
        self,
        info: Info,
        customer_id: strawberry.ID,
        lenses: LensList = None,
        except_: ExceptList = None,
        first: int | None = 50,
        after: str | None = None,
        offering: Offering = None,
        since: Since = None,
        until: Until = None,
    ) -> CustomerConnection:
        window = lens_query.Window(since, until, offering)
        listing = lens_query.Listing.PROVIDERS_OF
        anchor = str(customer_id)
        return await _connection(info, anchor, listing, lenses, except_, first, after, window)

    @strawberry.field(description="Every lens's verdict on one pair, with the evidence.")
    async def explain(
        self, info: Info, customer_id: strawberry.ID, provider_id: strawberry.ID
    ) -> Verdict:
        relation = await lens_query.explain(
            info.context.graph,
            str(customer_id),
            str(provider_id),
            selects(info, "evidence"),
            names_only=not selects_any(info, NODE_PROPERTY_FIELDS),
        )
        nodes = NodeCache()
        held = set(relation.lenses)
        return Verdict(
            customer=nodes.get(relation.customer),
            provider=nodes.get(relation.provider),
            is_customer=any(lens in held for lens in CUSTOMER_LENSES),
            lenses=[
                LensVerdict(
                    lens=lens,
                    holds=lens in held,
                    evidence=[evidence_from(f, nodes) for f in relation.found if f.lens is lens],
                )
                for lens in Lens
            ],
        )

    @strawberry.field(description="The buying side of an organisation, departments included.")
    async def buying_center(
        self, info: Info, organization_id: strawberry.ID, provider_id: strawberry.ID | None = None
    ) -> BuyingCenter:
        center = await reads.buying_center(
            info.context.graph, str(organization_id), str(provider_id) if provider_id else None
        )
        return BuyingCenter(
            organization=from_node(center.organization),
            members=[
                Membership(
                    person=person_from_node(m.person),
                    of=from_node(m.of),
                    title=m.title,
                    buying_role=m.buying_role,
                )
                for m in center.members
            ],
            covered_roles=center.covered_roles,
            missing_roles=center.missing_roles,
            single_threaded=center.single_threaded,
        )

    @strawberry.field(description="Current customers (any lens but PROSPECT) and prospects.")
    async def customer_map(self, info: Info, provider_id: strawberry.ID) -> CustomerMap:
        evidence = selects(info, "evidence")
        page = await lens_query.page(
            info.context.graph,
            lens_query.PageAsk(
                anchor_id=str(provider_id),
                listing=lens_query.Listing.CUSTOMERS_OF,
                everything=True,
                evidence=evidence,
            ),
        )
        nodes = NodeCache()
        current: list[lens_query.Relation] = []
        potential: list[lens_query.Relation] = []
        for relation in page.relations:
            is_customer = any(lens in CUSTOMER_LENSES for lens in relation.lenses)
            (current if is_customer else potential).append(relation)
        return CustomerMap(
            provider=nodes.get(page.anchor),
            current=[relation_from(r, nodes, evidence) for r in current],
            potential=[relation_from(r, nodes, evidence) for r in potential],
        )

    @strawberry.field(description="Stakeholders that are this one's customer and its provider.")
    async def mutual_customers(
        self, info: Info, stakeholder_id: strawberry.ID
    ) -> list[Stakeholder]:
        nodes = await lens_query.mutual(info.context.graph, str(stakeholder_id))
        return [from_node(node) for node in nodes]

    @strawberry.field(description="One relationship by id, with its properties, or null.")
    async def relation(
        self,
        info: Info,
        id: Annotated[strawberry.ID, strawberry.argument(description="The relationship's id.")],
    ) -> Relation | None:
        link = await relations.relation(info.context.graph, str(id))
        return NodeCache().link(link) if link is not None else None
