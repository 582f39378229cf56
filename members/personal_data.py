"""What the site holds about a person, app by app: how to export it and how to erase it.

Every app that stores personal data (a row with a user or an email address) registers one entry from its
AppConfig.ready(), naming the models it covers. The member's data download (`my-data.json`) gathers every
entry's export; deleting an account runs every entry's erase before the user row goes. A test walks every
model with a user or email field and fails when no entry covers it, so a new app cannot forget.

members imports no content app: apps call `register()`, this module never imports them.
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class PersonalData:
    # The key of this section in my-data.json.
    name: str
    # user -> JSON-ready data (lists, dicts, strings, numbers, dates).
    export: Callable
    # user -> None: remove or anonymise this app's rows, as its policy says. Runs inside the deletion's transaction.
    erase: Callable
    # "app_label.ModelName" of every model this entry answers for.
    models: tuple[str, ...]


_registry: dict[str, PersonalData] = {}


def register(name, *, export, erase, models):
    """Register (or replace, so a reloaded app does not register twice) one app's personal data."""
    _registry[name] = PersonalData(name=name, export=export, erase=erase, models=tuple(models))


def entries():
    return list(_registry.values())


def covered_models():
    """The lower-cased "app_label.modelname" of every model some entry answers for."""
    return {label.lower() for entry in _registry.values() for label in entry.models}
