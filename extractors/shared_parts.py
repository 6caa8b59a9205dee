"""Names a counted list writes short, completed from their neighbours.

"出生、死亡登记等2项" names 出生登记 and 死亡登记: the first piece borrows the next one's ending.
"营业执照变更、注销等2项" names 营业执照变更 and 营业执照注销: a bare verb borrows the object
before it. Only a count that the pieces make up vouches that each piece is an item; with no
count, "结婚、离婚登记" stays one name (``item_names.split_names`` joins such pieces).
"""

from __future__ import annotations

from extractors.item_names import NAME_JOINERS, cues, reads_as_service, without_adverb


def completed_names(names: list[str]) -> list[str]:
    """Each piece of a counted list as the item it names; the pieces as they are unless every
    one then reads as a service ("新申领、补换卡、挂失与解挂、…、注销" are operations on a card
    the list never names: no piece lends the others an object)."""
    result = _completed(names)
    return result if all(reads_as_service(name) for name in result) else names


def _completed(names: list[str]) -> list[str]:
    result = list(names)
    for index in range(1, len(result)):
        if _bare_verb(result[index]):
            thing = _object_of(result[index - 1])
            result[index] = thing + result[index] if thing else result[index]
    for index in range(len(result) - 2, -1, -1):  # from the end: 出生、死亡、结婚登记 borrow in turn
        if len(result[index]) >= 2 and not reads_as_service(result[index]):
            result[index] += _borrowed_ending(result[index], result[index + 1])
    return result


def _bare_verb(piece: str) -> bool:
    """注销, 补领, 丢失补领: a service verb alone, maybe after a word of when or why."""
    return without_adverb(piece) in (*cues()["shared_verb"], *cues()["service_ending"])


def _object_of(name: str) -> str:
    """What the service acts on: 营业执照变更 -> 营业执照, 居民身份证首次申领 -> 居民身份证;
    "" when no service ending leaves an object of two characters or more."""
    endings = [ending for ending in cues()["service_ending"] if name.endswith(ending)]
    if not endings:
        return ""
    thing = name[: -len(max(endings, key=len))]
    for adverb in (*cues()["opening_adverb"], *cues()["object_adverb"]):  # 首次, 到期; 新 (社保卡新申领)
        thing = thing.removesuffix(adverb)
    return thing if len(thing) >= 2 else ""


def _borrowed_ending(piece: str, following: str) -> str:
    """The ending ``piece`` shares with the name after it: what follows the word parallel to
    it (死亡登记 after 出生: 登记; 失业保险关系转移接续 after 养老保险: 关系转移接续), when that is
    a service ending, or the parallel word ends as the piece does; else ""."""
    length = len(piece)
    head, rest = following[:length], following[length:]
    if len(following) <= length or head == piece or any(joiner in following for joiner in NAME_JOINERS):
        return ""  # 挂失与解挂 ends in no ending a piece before it shares
    if rest in cues()["service_ending"]:
        return rest
    parallel = following[length - 1] == piece[-1] and rest.endswith(cues()["service_ending"])
    return rest if parallel else ""
