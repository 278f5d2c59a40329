import datetime as dt
from datetime import date, datetime, time, timedelta, timezone

IST = dt.timezone(dt.timedelta(hours=5, minutes=30))
EST = dt.timezone(dt.timedelta(hours=-5), "EST")
deltas = [timedelta(), timedelta(days=-1, seconds=5), timedelta(hours=36, microseconds=7),
          timedelta(weeks=2, milliseconds=1500), timedelta(minutes=-1), timedelta(days=1),
          timedelta(seconds=1.5), timedelta(days=-3, hours=-4), timedelta(hours=-36, microseconds=-7)]
delta_strs = [str(d) for d in deltas]
delta_reprs = [repr(d) for d in deltas]
delta_fields = [(d.days, d.seconds, d.microseconds, d.total_seconds()) for d in deltas]
delta_math = [str(deltas[1] + deltas[2]), str(deltas[1] - deltas[2]), str(-deltas[2]), str(abs(deltas[1])),
              str(deltas[2] * 3), str(deltas[2] // 2), deltas[2] / timedelta(hours=1), deltas[2] // timedelta(hours=1),
              str(deltas[2] % timedelta(hours=5)), deltas[1] < deltas[2], deltas[0] == timedelta(0), bool(deltas[0])]
delta_limits = [str(timedelta.min), str(timedelta.max), repr(timedelta.resolution)]
zones = [IST, EST, timezone.utc, timezone(timedelta(hours=9)), timezone(timedelta(0)), dt.UTC,
         timezone(timedelta(hours=-3, minutes=-15, seconds=-10)), timezone.min, timezone.max,
         timezone(timedelta(0), "Zulu")]
zone_strs = [str(z) for z in zones]
zone_reprs = [repr(z) for z in zones]
zone_names = [z.tzname(None) for z in zones]
utc_is_singleton = timezone(timedelta(0)) is timezone.utc
dates = [date(2024, 2, 29), date(1, 1, 1), date(9999, 12, 31), date(2023, 3, 1)]
date_strs = [str(d) for d in dates] + [repr(d) for d in dates]
date_math = [str(dates[0] + timedelta(days=1)), str(dates[0] - timedelta(days=60)), str(dates[3] - dates[0]),
             dates[0] < dates[3], dates[0].weekday(), dates[0].isoweekday(), dates[0].toordinal(),
             str(date.fromordinal(738000)), repr(date.fromisoformat("2020-01-31")), dates[0].replace(day=1).isoformat()]
times = [time(8, 15, 0, 250000), time(), time(23, 59, 59), time(1, 2, tzinfo=IST), time(12, 0, 0, 5, tzinfo=timezone.utc)]
time_strs = [str(t) for t in times] + [repr(t) for t in times] + [times[0].isoformat("milliseconds"), times[2].isoformat("minutes")]
dts = [datetime(2024, 2, 29, 12, 30, tzinfo=IST), datetime(1999, 12, 31, 23, 59, 59, 999000), datetime(2020, 1, 1),
       datetime(2021, 6, 1, 0, 0, 7, tzinfo=EST), datetime(2024, 1, 1, tzinfo=timezone.utc)]
dt_strs = [str(d) for d in dts] + [repr(d) for d in dts] + [d.isoformat() for d in dts]
dt_math = [str(dts[1] + timedelta(microseconds=1000)), str(dts[0] - dts[4]), str(dts[2] - dts[1]),
           str(dts[0] + timedelta(days=-400, hours=5)), dts[0] > dts[4], dts[0] == dts[1], dts[2] == date(2020, 1, 1),
           str(dts[0].date()), str(dts[0].time()), str(dts[0].timetz()), str(dts[3].utcoffset()), dts[3].tzname(),
           str(datetime.combine(dates[0], times[3])), repr(dts[1].replace(year=2000, tzinfo=timezone.utc))]
errors = []
for f in (lambda: date(2023, 2, 29), lambda: date(2023, 13, 1), lambda: time(24), lambda: timezone(timedelta(hours=24)),
          lambda: datetime(2020, 1, 1) - dts[0], lambda: datetime(2020, 1, 1) < dts[0], lambda: timedelta(days=10**9),
          lambda: date(2020.0, 1, 1), lambda: date.max + timedelta(days=1), lambda: timezone(3)):
    try:
        f()
    except (ValueError, TypeError, OverflowError) as e:
        errors.append(type(e).__name__ + ": " + str(e))
consts = (dt.MINYEAR, dt.MAXYEAR, str(date.min), str(datetime.max), repr(time.max))
by_value = {timedelta(hours=1): "h", date(2024, 1, 1): "d"}[timedelta(minutes=60)]
float_deltas = [str(timedelta(days=0.1, seconds=0.3)), str(timedelta(hours=1.1, minutes=0.7)), str(timedelta(microseconds=0.5)),
                str(timedelta(microseconds=1.5)), str(timedelta(seconds=1e-7)), str(timedelta(weeks=0.3333333333333)),
                str(timedelta(milliseconds=-0.0005)), str(timedelta(days=1/3, hours=1/7, microseconds=2.5))]
del dt, f
iso = [repr(datetime.fromisoformat(s)) for s in ("2024-02-29T12:30:00+05:30", "2024-02-29 12:30", "2024-02-29", "2020-01-01T00:00:00Z",
                                                 "1999-12-31T23:59:59.999", "2021-06-01T07:08:09.123456-05:00", "2021-06-01T07:08:09-00:30:15",
                                                 "2021-06-01T07")]
iso_errors = []
for s in ("2024-02-30", "2024-02-29T25:00"):
    try:
        datetime.fromisoformat(s)
    except ValueError as e:
        iso_errors.append(str(e))
del s
