"""Sections other apps add to the member's own page ("Your account"), so members imports none of them.

An app registers a section from its AppConfig.ready(): a template and a function of the request that returns
the template's context, or None when the section has nothing to show this person. The account view renders
them in `order`, after the profile and writing sections.
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class AccountSection:
    key: str
    template: str
    # request -> dict for the template, or None to leave the section out.
    context: Callable
    order: int = 100


_sections: dict[str, AccountSection] = {}


def register(key, *, template, context, order=100):
    _sections[key] = AccountSection(key=key, template=template, context=context, order=order)


def sections_for(request):
    """[(template, context)] for the sections this request's user should see, in order."""
    shown = []
    for section in sorted(_sections.values(), key=lambda s: (s.order, s.key)):
        context = section.context(request)
        if context is not None:
            shown.append((section.template, context))
    return shown
