"""Order taking and tracking, with every streaming pattern."""
from dataclasses import dataclass, field
from enum import IntEnum
from typing import AsyncIterator, Optional

from aster import bidi_stream, client_stream, rpc, server_stream, service, wire_type

from shop.models import Money


class OrderStatus(IntEnum):
    PENDING = 1
    PAID = 2
    SHIPPED = 3
    CANCELLED = 4


@wire_type("shop.orders/LineItem")
@dataclass
class LineItem:
    sku: str
    quantity: int = 1
    unit_price: Money = field(default_factory=Money)


@wire_type("shop.orders/Order")
@dataclass
class Order:
    order_id: str = ""
    items: list[LineItem] = field(default_factory=list)
    shipping: Optional[Money] = None
    note: Optional[str] = None


@wire_type("shop.orders/OrderAck")
@dataclass
class OrderAck:
    order_id: str = ""
    status: OrderStatus = OrderStatus.PENDING
    total: Money = field(default_factory=Money)
    warnings: list[str] = field(default_factory=list)


@wire_type("shop.orders/StatusUpdate")
@dataclass
class StatusUpdate:
    order_id: str = ""
    status: OrderStatus = OrderStatus.PENDING
    at_epoch_ms: int = 0


@wire_type("shop.orders/ImportSummary")
@dataclass
class ImportSummary:
    accepted: int = 0
    rejected: dict[str, str] = field(default_factory=dict)


@wire_type("shop.orders/ChatMessage")
@dataclass
class ChatMessage:
    order_id: str = ""
    sender: str = ""
    text: str = ""


@service(name="Orders", version=2)
class OrderService:
    @rpc(timeout=5.0)
    async def place_order(self, req: Order) -> OrderAck:
        """Validate and store an order."""
        return OrderAck(order_id=req.order_id)

    @server_stream
    async def watch(self, order_id: str, since_epoch_ms: int = 0) -> AsyncIterator[StatusUpdate]:
        """Stream the status changes of one order."""
        yield StatusUpdate(order_id=order_id)

    @client_stream
    async def import_orders(self, reqs: AsyncIterator[Order]) -> ImportSummary:
        """Import a batch of orders; rejected ones are reported by id."""
        summary = ImportSummary()
        async for _ in reqs:
            summary.accepted += 1
        return summary

    @bidi_stream(timeout=300)
    async def support_chat(self, reqs: AsyncIterator[ChatMessage]) -> AsyncIterator[ChatMessage]:
        """Talk to customer support about an order."""
        async for m in reqs:
            yield m
