"""The house rules on imports (ARCHITECTURE.md, "Rules of the house"), checked on the source with `ast`.

Nothing is imported to check it: every .py file of the project is parsed, each import statement is
resolved to the absolute module it names (relative imports included), and each rule below names the
file and line of every import that breaks it. Each rule has its own test, and a self-test that feeds
the checker a small snippet breaking it, so a checker that silently stopped seeing would fail too.
"""

import ast
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SKIPPED_DIRS = {".git", ".venv", "node_modules", "staticfiles", "media", "static", "locale", "test-results"}

# The rooms of the house: every Django app of the project ("exchange" once it exists).
APPS = {"home", "updates", "blog", "events", "insights", "exchange", "comments", "members", "groups", "search", "demo"}
CONTENT_APPS = {"home", "blog", "events", "insights", "exchange"}
SHARED = "qsite"
FIRST_PARTY = APPS | {SHARED}
# Outside the import graph of the site: they may import anything.
TOOLS = {"tests", "scripts"}


@dataclass(frozen=True)
class Import:
    path: str  # relative to the project root, with forward slashes
    line: int
    module: str  # the absolute module named, e.g. "members.roles"
    names: tuple  # what `from module import ...` takes, which may be submodules ("views")
    in_function: bool
    in_app_config: bool  # inside a method of an AppConfig, where Django needs lazy imports

    @property
    def top(self):
        return self.module.split(".")[0]

    @property
    def owner(self):
        return self.path.split("/")[0]

    @property
    def targets(self):
        """The module and every `module.name` it could be, so `from blog import views` counts as blog.views."""
        return (self.module, *(f"{self.module}.{name}" for name in self.names if name != "*"))

    def __str__(self):
        return f"{self.path}:{self.line} imports {self.module}" + (f" ({', '.join(self.names)})" if self.names else "")


def _package_of(path):
    """The package a file's relative imports start from."""
    parts = path.split("/")
    return parts[:-1]


class _Collector(ast.NodeVisitor):
    def __init__(self, path):
        self.path = path
        self.functions = 0
        self.app_config_classes = 0
        self.imports = []

    def _add(self, node, module, names):
        self.imports.append(
            Import(self.path, node.lineno, module, tuple(names), self.functions > 0, self.app_config_classes > 0)
        )

    def visit_FunctionDef(self, node):
        self.functions += 1
        self.generic_visit(node)
        self.functions -= 1

    visit_AsyncFunctionDef = visit_FunctionDef

    def visit_ClassDef(self, node):
        is_app_config = self.path.endswith("apps.py") and any(
            (isinstance(base, ast.Name) and base.id == "AppConfig")
            or (isinstance(base, ast.Attribute) and base.attr == "AppConfig")
            for base in node.bases
        )
        self.app_config_classes += is_app_config
        self.generic_visit(node)
        self.app_config_classes -= is_app_config

    def visit_Import(self, node):
        for alias in node.names:
            self._add(node, alias.name, [])

    def visit_ImportFrom(self, node):
        if node.level:
            package = _package_of(self.path)
            base = package[: len(package) - (node.level - 1)] if node.level > 1 else package
            module = ".".join([*base, node.module] if node.module else base)
        else:
            module = node.module
        self._add(node, module, [alias.name for alias in node.names])


def imports_in(source, path):
    collector = _Collector(path)
    collector.visit(ast.parse(source, filename=path))
    return collector.imports


def project_imports():
    found = []
    for file in sorted(ROOT.rglob("*.py")):
        relative = file.relative_to(ROOT)
        if SKIPPED_DIRS & set(relative.parts):
            continue
        found.extend(imports_in(file.read_text(encoding="utf-8"), relative.as_posix()))
    return found


# --- The rules: each takes imports and returns those that break it ----------------------------------


def shared_layer_imports_no_app(imports):
    return [i for i in imports if i.owner == SHARED and i.top in APPS]


def content_apps_do_not_import_each_other(imports):
    return [i for i in imports if i.owner in CONTENT_APPS and i.top in CONTENT_APPS and i.top != i.owner]


def comments_knows_pages_only_as_wagtail_pages(imports):
    return [i for i in imports if i.owner == "comments" and i.top in CONTENT_APPS | {"groups"}]


def nothing_but_tests_and_scripts_imports_demo(imports):
    return [i for i in imports if i.top == "demo" and i.owner not in {"demo", *TOOLS}]


def only_groups_imports_groups(imports):
    # demo builds every app's content, so it may; everyone else names group pages by string.
    return [i for i in imports if i.top == "groups" and i.owner in FIRST_PARTY - {"groups", "demo"}]


def _is_models_module(path):
    parts = path.split("/")
    return parts[-1] == "models.py" or "models" in parts[1:-1]


def models_never_import_views(imports):
    return [
        i
        for i in imports
        if _is_models_module(i.path)
        and i.top in FIRST_PARTY
        and any("views" in target.split(".")[1:] for target in i.targets)
    ]


def no_first_party_imports_inside_functions(imports):
    """The "import inside a function to dodge a cycle" habit. An AppConfig's methods are the exception:
    Django imports apps.py before any model exists, so ready() and the set-up hooks must import lazily."""
    return [
        i for i in imports if i.in_function and not i.in_app_config and i.owner in FIRST_PARTY and i.top in FIRST_PARTY
    ]


# Breaches in files other helpers are rewriting on their own branches, listed here by name (file, module)
# so the rule stays on for everything else; the lead reconciles them at merge. A listed breach that is
# gone fails test_every_listed_breach_still_exists, so this list can only shrink.
# Breaches still waiting to be fixed, by rule: (file, imported module). Empty now; a test fails if a listed one
# disappears, so the list can only shrink.
NOT_YET_FIXED = {}


def _breaches(rule):
    pending = NOT_YET_FIXED.get(rule, {})
    return [i for i in rule(project_imports()) if (i.path, i.module) not in pending]


def _report(breaches):
    return "\n".join(str(i) for i in breaches)


# --- The project keeps the rules ---------------------------------------------------------------------


def test_the_checker_sees_the_project():
    imports = project_imports()
    assert {i.owner for i in imports} >= {"qsite", "home", "updates", "members", "demo", "tests"}
    assert any(i.path == "qsite/urls.py" for i in imports)


def test_the_shared_layer_qsite_imports_no_app():
    breaches = _breaches(shared_layer_imports_no_app)
    assert not breaches, _report(breaches)


def test_content_apps_do_not_import_each_other():
    breaches = _breaches(content_apps_do_not_import_each_other)
    assert not breaches, _report(breaches)


def test_comments_imports_no_content_app_and_not_groups():
    breaches = _breaches(comments_knows_pages_only_as_wagtail_pages)
    assert not breaches, _report(breaches)


def test_only_tests_and_scripts_import_demo():
    breaches = _breaches(nothing_but_tests_and_scripts_imports_demo)
    assert not breaches, _report(breaches)


def test_no_app_but_groups_imports_groups():
    breaches = _breaches(only_groups_imports_groups)
    assert not breaches, _report(breaches)


def test_models_never_import_views():
    breaches = _breaches(models_never_import_views)
    assert not breaches, _report(breaches)


def test_no_first_party_import_inside_a_function():
    breaches = _breaches(no_first_party_imports_inside_functions)
    assert not breaches, _report(breaches)


def test_every_listed_breach_still_exists():
    imports = project_imports()
    for rule, pending in NOT_YET_FIXED.items():
        still_there = {(i.path, i.module) for i in rule(imports)}
        fixed = set(pending) - still_there
        assert not fixed, f"{rule.__name__}: fixed now, remove from NOT_YET_FIXED: {sorted(fixed)}"


# --- The checker catches what it should (and only that) ----------------------------------------------


def check(rule, path, source):
    return [str(i) for i in rule(imports_in(source, path))]


def test_self_check_shared_layer_importing_an_app_is_caught_at_module_level_and_in_functions():
    source = "from members.roles import is_member\n\ndef f():\n    import home.models\n"
    assert check(shared_layer_imports_no_app, "qsite/x.py", source) == [
        "qsite/x.py:1 imports members.roles (is_member)",
        "qsite/x.py:4 imports home.models",
    ]
    assert check(shared_layer_imports_no_app, "qsite/x.py", "from qsite.pages import X\nimport wagtail\n") == []


def test_self_check_a_content_app_importing_another_is_caught():
    assert check(content_apps_do_not_import_each_other, "blog/models.py", "from events.models import EventPage\n") == [
        "blog/models.py:1 imports events.models (EventPage)"
    ]
    assert check(content_apps_do_not_import_each_other, "blog/models.py", "from .forms import F\n") == []
    assert check(content_apps_do_not_import_each_other, "blog/models.py", "from members.models import M\n") == []


def test_self_check_comments_importing_a_content_app_or_groups_is_caught():
    source = "from blog.models import BlogPage\nfrom groups import models\nfrom qsite.pages import CommentableMixin\n"
    assert check(comments_knows_pages_only_as_wagtail_pages, "comments/views.py", source) == [
        "comments/views.py:1 imports blog.models (BlogPage)",
        "comments/views.py:2 imports groups (models)",
    ]


def test_self_check_an_app_importing_demo_is_caught_but_tests_and_scripts_may():
    source = "from demo.images import get_or_create_image\n"
    assert check(nothing_but_tests_and_scripts_imports_demo, "events/models.py", source) == [
        "events/models.py:1 imports demo.images (get_or_create_image)"
    ]
    assert check(nothing_but_tests_and_scripts_imports_demo, "qsite/cache.py", "import demo\n") == [
        "qsite/cache.py:1 imports demo"
    ]
    assert check(nothing_but_tests_and_scripts_imports_demo, "tests/blog/test_x.py", source) == []
    assert check(nothing_but_tests_and_scripts_imports_demo, "scripts/bench.py", source) == []


def test_self_check_an_app_importing_groups_is_caught():
    source = "from groups.models import GroupPage\n"
    assert check(only_groups_imports_groups, "members/views.py", source) == [
        "members/views.py:1 imports groups.models (GroupPage)"
    ]
    assert check(only_groups_imports_groups, "groups/views.py", "from .models import GroupPage\n") == []
    assert check(only_groups_imports_groups, "demo/groups.py", source) == []


def test_self_check_models_importing_views_is_caught_in_every_spelling():
    assert check(models_never_import_views, "blog/models.py", "from . import views\n") == [
        "blog/models.py:1 imports blog (views)"
    ]
    assert check(models_never_import_views, "blog/models.py", "from .views import feed\n") == [
        "blog/models.py:1 imports blog.views (feed)"
    ]
    assert check(models_never_import_views, "events/models/pages.py", "from events.views import x\n") == [
        "events/models/pages.py:1 imports events.views (x)"
    ]
    assert check(models_never_import_views, "blog/feeds.py", "from .views import feed\n") == []


def test_self_check_a_first_party_import_inside_a_function_is_caught():
    source = (
        "import json\n"
        "def f():\n"
        "    from django.db import models\n"
        "    from .services import purge\n"
        "class C:\n"
        "    def m(self):\n"
        "        from qsite.cache import purge_urls\n"
    )
    assert check(no_first_party_imports_inside_functions, "comments/signals.py", source) == [
        "comments/signals.py:4 imports comments.services (purge)",
        "comments/signals.py:7 imports qsite.cache (purge_urls)",
    ]


def test_self_check_app_config_methods_may_import_lazily_but_nothing_else_in_apps_py():
    source = (
        "from django.apps import AppConfig\n"
        "class HomeConfig(AppConfig):\n"
        "    def ready(self):\n"
        "        from .signals import connect\n"
        "def helper():\n"
        "    from .models import HomePage\n"
    )
    assert check(no_first_party_imports_inside_functions, "home/apps.py", source) == [
        "home/apps.py:6 imports home.models (HomePage)"
    ]


def test_self_check_relative_imports_resolve_from_their_package():
    found = imports_in("from ..models import Region\nfrom . import services\n", "members/coffee/forms.py")
    assert [(i.module, i.names) for i in found] == [("members.models", ("Region",)), ("members.coffee", ("services",))]
