import zoneinfo
from zoneinfo import ZoneInfo

zones = [ZoneInfo("Europe/Paris"), ZoneInfo("UTC"), ZoneInfo("America/New_York"), ZoneInfo("Asia/Kolkata")]
strs = [str(z) for z in zones]
reprs = [repr(z) for z in zones]
keys = [z.key for z in zones]
cached = ZoneInfo("Europe/Paris") is zones[0]
fresh = ZoneInfo.no_cache("Europe/Paris") is zones[0]
errors = []
for f in (lambda: ZoneInfo("Nowhere/Nothing"), lambda: ZoneInfo("/etc/passwd"), lambda: ZoneInfo("../x"), lambda: ZoneInfo(3), lambda: ZoneInfo("Europe//Paris"), lambda: ZoneInfo("a/../../b")):
    try:
        f()
    except (ValueError, TypeError, KeyError) as e:
        errors.append(type(e).__name__ + ": " + str(e))
not_found_is_key_error = issubclass(zoneinfo.ZoneInfoNotFoundError, KeyError)
del zoneinfo, f
