"""Beat's schedule file on ``dbm.dumb`` instead of Python's default ``dbm``.

Since Python 3.13 the default behind ``shelve`` is ``dbm.sqlite3``. The beat that runs
inside a worker (``celery worker -B``, as ``make run`` and the tests start it) died on it
under load with ``dbm.sqlite3.error: locking protocol`` while saving its schedule; with it
went the sweeper that offers a job whose worker died again (seen once in eight full test
runs, in the test that kills a worker). ``dbm.dumb`` is plain files and one writer, which
is all beat needs. The schedule keeps its last run times across restarts, so the daily
jobs still run when the service restarts more often than once a day.
"""

import dbm.dumb
import shelve

from celery.beat import PersistentScheduler


class _Dumb:
    @staticmethod
    def open(bestandsnaam: str, writeback: bool = False) -> shelve.Shelf:
        return shelve.Shelf(dbm.dumb.open(bestandsnaam, "c"), writeback=writeback)


class Planning(PersistentScheduler):
    persistence = _Dumb
