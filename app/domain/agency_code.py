"""Agency identification codes (mã định danh, QCVN102 / TT10/2016/TT-BTTTT; standards §6, §11 vectors 5, 6).

`V1V2V3.Z1Z2.Y1Y2.X1X2X3` is read right to left: X = level 1 (province or ministry), Y = level 2,
Z = level 3, V = level 4.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from app.domain.errors import ValidationError

_CODE = re.compile(r"^(\d{3})\.(\d{2})\.(\d{2})\.([A-Z]\d{2})$")


@dataclass(frozen=True)
class AgencyCode:
    level4: str
    level3: str
    level2: str
    level1: str

    @property
    def text(self) -> str:
        return f"{self.level4}.{self.level3}.{self.level2}.{self.level1}"

    @property
    def level(self) -> int:
        if self.level4 != "000":
            return 4
        if self.level3 != "00":
            return 3
        if self.level2 != "00":
            return 2
        return 1

    @property
    def parent(self) -> AgencyCode | None:
        """Zero the left-most non-zero group; a level-1 code has no parent."""
        match self.level:
            case 4:
                return AgencyCode("000", self.level3, self.level2, self.level1)
            case 3:
                return AgencyCode("000", "00", self.level2, self.level1)
            case 2:
                return AgencyCode("000", "00", "00", self.level1)
        return None

    def __str__(self) -> str:
        return self.text


def parse(text: str) -> AgencyCode:
    match = _CODE.match(text)
    if match is None:
        raise ValidationError("agency_code.format", text=text)
    code = AgencyCode(match.group(1), match.group(2), match.group(3), match.group(4))
    groups = [code.level4, code.level3, code.level2]
    # A non-zero group may not sit left of a zero group: level 4 needs level 3, level 3 needs level 2.
    for left, right in pairwise(groups):
        if int(left) != 0 and int(right) == 0:
            raise ValidationError("agency_code.hierarchy", text=text)
    return code


def is_valid(text: str) -> bool:
    try:
        parse(text)
    except ValidationError:
        return False
    return True
