"""The product catalog.

Categories form a tree (each one lists its children and points back to its
parent), so the service is served as JSON: recursive types cannot be
registered for the default cross-language (XLANG) serialization.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import AsyncIterator, Optional

from aster import Metadata, SerializationMode, describe, rpc, server_stream, service, wire_type

from .models import Money, Product


@wire_type("shop.catalog/Category")
@dataclass
class Category:
    slug: str = ""
    title: str = ""
    parent: Optional[Category] = None
    children: list[Category] = field(default_factory=list)


@wire_type("shop.catalog/BrowseRequest")
@dataclass
class BrowseRequest:
    category: str = ""
    max_price: Optional[Money] = None
    page_size: int = describe("products per streamed message", default=50)


@service(name="Catalog", version=1, serialization=[SerializationMode.JSON])
class CatalogService:
    @rpc(idempotent=True)
    async def category_tree(self, root: str = "") -> Category:
        """Return the category tree below ``root`` (the whole tree when empty).

        Children are listed in display order.
        """
        return Category(slug=root)

    @server_stream(timeout=60)
    async def browse(self, req: BrowseRequest) -> AsyncIterator[Product]:
        """Stream the products of a category, cheapest first."""
        yield Product(sku="example")

    @rpc(timeout=2.5, metadata=Metadata(description="Look up one product.", tags=["read"]))
    async def product(self, sku: str) -> Product:
        return Product(sku=sku)
