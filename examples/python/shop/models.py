"""Wire types shared by the shop services."""
from dataclasses import dataclass, field
from enum import Enum
from typing import Optional

from aster import describe, wire_type


class Currency(str, Enum):
    EUR = "EUR"
    USD = "USD"
    JPY = "JPY"


@wire_type("shop.models/Money")
@dataclass(frozen=True)
class Money:
    currency: Currency = Currency.EUR
    minor_units: int = describe("amount in the currency's smallest unit", default=0)


@wire_type("shop.models/Product")
@dataclass
class Product:
    sku: str
    name: str = ""
    price: Money = field(default_factory=Money)
    tags: list[str] = field(default_factory=list)
    attributes: dict[str, str] = field(default_factory=dict)
    stock: Optional[int] = None
