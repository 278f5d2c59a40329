import uuid
from uuid import UUID

values = [UUID("12345678-1234-5678-1234-567812345678"), UUID("{12345678-1234-5678-1234-567812345678}"),
          UUID("urn:uuid:12345678-1234-5678-1234-567812345678"), UUID("12345678123456781234567812345678"),
          UUID(hex="ABCDEF00ABCDEF00ABCDEF00ABCDEF00"), UUID(int=0), UUID(int=2**128 - 1), UUID(int=0x1234, version=4),
          UUID(bytes=b"\x00\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b\x0c\x0d\x0e\x0f"),
          UUID(bytes_le=b"\x00\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b\x0c\x0d\x0e\x0f"),
          UUID(fields=(0x12345678, 0x1234, 0x5678, 0x12, 0x34, 0x567812345678)), uuid.NAMESPACE_DNS, uuid.NAMESPACE_X500]
strs = [str(v) for v in values]
reprs = [repr(v) for v in values]
attrs = [(v.int, v.hex, v.urn, v.version, v.variant, v.fields, v.time, v.clock_seq, v.node) for v in values[:8]]
raw = [values[0].bytes, values[0].bytes_le]
derived = [uuid.uuid3(uuid.NAMESPACE_DNS, "python.org"), uuid.uuid5(uuid.NAMESPACE_URL, "https://aster.example/x")]
cmps = [values[0] == values[1], values[5] < values[6], int(values[5]), {values[0]: 1}[values[3]]]
errors = []
for f in (lambda: UUID("1234"), lambda: UUID("g2345678123456781234567812345678"), lambda: UUID(), lambda: UUID(int=-1),
          lambda: UUID(bytes=b"x"), lambda: UUID(fields=(1, 1, 1, 256, 1, 1)), lambda: UUID(int=1, version=9), lambda: setattr(values[0], "int", 3), lambda: uuid.uuid5(uuid.NAMESPACE_DNS, b"b")):
    try:
        f()
    except (ValueError, TypeError) as e:
        errors.append(type(e).__name__ + ": " + str(e))
del uuid, f
