"""FORMAT.md predictions: read JSONL articles (id, url, title, text), yield {"id", "pred"} lines.

``python -m nlp.predict FILE`` prints the predictions of one JSONL file; the `khoi predict`
command calls ``predict_lines`` the same way.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator

from nlp.errors import BadInputError
from nlp.extract import extract


def _record(line: str, number: int) -> dict[str, object]:
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        raise BadInputError(number, f"not JSON ({exc.msg} at column {exc.colno})") from exc
    if not isinstance(obj, dict):
        raise BadInputError(number, f"expected a JSON object, got {type(obj).__name__}")
    if "id" not in obj:
        raise BadInputError(number, 'missing "id"')
    text = obj.get("text")
    if not isinstance(text, str):
        raise BadInputError(number, '"text" must be a string')
    for key in ("url", "title"):
        if obj.get(key) is not None and not isinstance(obj[key], str):
            raise BadInputError(number, f'"{key}" must be a string or null')
    return obj


def predict_lines(lines: Iterable[str]) -> Iterator[str]:
    """Yield one prediction line per input line (blank lines skipped); raise BadInputError on a bad one."""
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        obj = _record(line, number)
        records = extract(str(obj["text"]), url=obj.get("url"), title=obj.get("title"))  # type: ignore[arg-type]
        yield json.dumps({"id": obj["id"], "pred": records.to_prediction()}, ensure_ascii=False)


def main(argv: list[str] | None = None) -> int:
    """Print predictions for the JSONL file named on the command line; exit 1 on bad input."""
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python -m nlp.predict FILE.jsonl", file=sys.stderr)
        return 2
    try:
        with open(args[0], encoding="utf-8") as fh:
            for out in predict_lines(fh):
                print(out)
    except BadInputError as exc:
        print(f"Error: {args[0]}: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"Error: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
