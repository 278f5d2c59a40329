"""An example shop: a product catalog and an order service, declared as Aster services.

Generate the manifest from the repository root with

    aster contract gen --python-path examples/python \
        --service shop.catalog:CatalogService --service shop.orders:OrderService \
        --out examples/python/.aster/manifest.json
"""
