# Field defaults of the kinds service modules declare, rendered with str().
import datetime as dt
import decimal
import ipaddress
import pathlib
import uuid
from fractions import Fraction
from zoneinfo import ZoneInfo

IST = dt.timezone(dt.timedelta(hours=5, minutes=30))
EASTERN_STD = dt.timezone(dt.timedelta(hours=-5), "EST")
defaults = [
    dt.datetime(2024, 2, 29, 12, 30, tzinfo=IST), dt.datetime(1999, 12, 31, 23, 59, 59, 999000), dt.date(2024, 2, 29),
    dt.time(8, 15, 0, 250000), dt.timedelta(days=-1, seconds=5), dt.timedelta(hours=36, microseconds=7), EASTERN_STD,
    dt.timezone.utc, dt.timezone(dt.timedelta(hours=9)), ZoneInfo("Europe/Paris"), decimal.Decimal("19.90"),
    decimal.Decimal("-0"), decimal.Decimal("1E+3"), uuid.UUID("12345678-1234-5678-1234-567812345678"),
    pathlib.Path("etc/app.toml"), pathlib.PurePosixPath("/srv/data/"), Fraction(6, 4), ipaddress.IPv4Address("10.0.0.7"),
    ipaddress.IPv6Network("2001:db8::/32"),
]
rendered = [str(v) for v in defaults]
types = [type(v).__name__ for v in defaults]
trace_id_is_unknown_here = callable(uuid.uuid4)
del dt, decimal, ipaddress, pathlib, uuid
