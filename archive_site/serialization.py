"""Django's JSON serialization (``dumpdata``, ``loaddata``; the backup of ``make backup``) with
timestamps kept to the microsecond.

Django's own JSON encoder cuts datetimes to milliseconds, so a restored archive differed from
the one backed up: every ``updated_at`` moved, and with it the resolution JSON and its
validators. Registered in place of ``json`` (``SERIALIZATION_MODULES`` in settings); reading
is Django's, which accepts either precision.

>>> import datetime
>>> FullPrecisionEncoder().default(datetime.datetime(2026, 12, 6, 6, 12, 53, 346112))
'2026-12-06T06:12:53.346112'
"""

import datetime

from django.core.serializers import json as django_json
from django.core.serializers.json import DjangoJSONEncoder


class FullPrecisionEncoder(DjangoJSONEncoder):
    def default(self, o):
        if isinstance(o, datetime.datetime):
            text = o.isoformat()
            return text[:-6] + "Z" if text.endswith("+00:00") else text
        if isinstance(o, datetime.time):
            return o.isoformat()
        return super().default(o)


class Serializer(django_json.Serializer):
    def _init_options(self):
        super()._init_options()
        self.json_kwargs["cls"] = FullPrecisionEncoder


Deserializer = django_json.Deserializer
