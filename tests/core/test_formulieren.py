"""The project's select template (templates/django/forms/widgets/select.html) renders what
Django's own does: the chosen options selected, groups, escaped labels."""

from django import forms


class Keuzes(forms.Form):
    een = forms.ChoiceField(choices=[("a", "A & co"), ("b", "<b>B</b>")])
    meer = forms.MultipleChoiceField(
        choices=[("Groep", [("x", "X"), ("y", "Y")]), ("z", "Z")], required=False
    )


def test_selects_keep_the_choice_groups_and_escape_labels():
    html = str(Keuzes(initial={"een": "b", "meer": ["x", "z"]}))
    assert '<option value="a">A &amp; co</option>' in html
    assert '<option value="b" selected>&lt;b&gt;B&lt;/b&gt;</option>' in html
    assert '<optgroup label="Groep">' in html and "</optgroup>" in html
    assert '<option value="x" selected>X</option>' in html
    assert '<option value="y">Y</option>' in html
    assert '<option value="z" selected>Z</option>' in html
    assert '<select name="meer" id="id_meer" multiple' in html
