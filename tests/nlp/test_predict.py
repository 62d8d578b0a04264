import json

import pytest

from nlp.errors import BadInputError
from nlp.predict import predict_lines

ARTICLE = {
    "id": "t-1",
    "url": "https://baolamdong.vn/x",
    "title": "Khối thi đua Nội chính sơ kết 6 tháng đầu năm 2022",
    "text": "Chiều 4/8/2022, Khối thi đua các cơ quan nội chính tỉnh tổ chức hội nghị sơ kết công tác thi đua 6 tháng "
    "đầu năm 2022.",
}


def test_prediction_line_has_format_fields():
    out = [json.loads(x) for x in predict_lines([json.dumps(ARTICLE, ensure_ascii=False), ""])]
    assert len(out) == 1 and out[0]["id"] == "t-1"
    pred = out[0]["pred"]
    assert pred["relevant"] is True
    assert pred["province"] == "Lâm Đồng"
    assert pred["event_date"] == "2022-08-04"
    assert pred["period"] == "2022-H1"
    assert set(pred) >= {"bloc", "event_types", "leaders", "members", "member_count", "directives", "awards"}


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("{not json", "not JSON"),
        ("[1, 2]", "JSON object"),
        ('{"text": "x"}', '"id"'),
        ('{"id": 1, "text": 5}', '"text"'),
        ('{"id": 1, "text": "x", "url": 3}', '"url"'),
    ],
)
def test_bad_line_names_its_number(line, reason):
    good = json.dumps(ARTICLE, ensure_ascii=False)
    with pytest.raises(BadInputError) as err:
        list(predict_lines([good, line]))
    assert err.value.line == 2
    assert "line 2" in str(err.value) and reason in str(err.value)
