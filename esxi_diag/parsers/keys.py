"""Field-name normalisation shared by every parser.

esxcli's XML drops the spaces of field names (``MACAddress``), the default formatter keeps them
(``MAC Address``), esxcfg tables differ again (``MAC Address``, ``NetStack``). All of them map to one
key: lower case, letters and digits only (``macaddress``, ``netstack``).
"""

import re

_NON_ALNUM = re.compile(r"[^0-9a-z]+")


def norm_key(name):
    return _NON_ALNUM.sub("", (name or "").lower())
