"""Demo data per app, for a fictional municipality: Gemeente Maasdal with twelve kernen.

Idempotent: every row is found by its natural key and brought to the same state, so
running the seed twice leaves the same data and no new history.
"""


def upsert(model, defaults: dict, **lookup):
    """update_or_create that writes only what differs, so a rerun leaves no history."""
    obj = model.objects.filter(**lookup).first()
    if obj is None:
        return model.objects.create(**lookup, **defaults)
    changed = [name for name, value in defaults.items() if getattr(obj, name) != value]
    for name in changed:
        setattr(obj, name, defaults[name])
    if changed:
        obj.save()
    return obj
