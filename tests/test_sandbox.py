"""The sandbox's remembered attribute check gives Jinja's own answer, every time."""

from __future__ import annotations

import types
from typing import Any

import jinja2.sandbox
import pytest

from readsite.models import Citation
from readsite.sandbox import Sandbox


def _function() -> None:
    pass


def _generator() -> Any:
    yield 1


class _Liar:
    """Claims to be a function, as an object may through `__class__`."""

    @property  # type: ignore[misc]
    def __class__(self) -> type:
        return types.FunctionType


OBJECTS: list[Any] = [_function, "text", str, _generator(), [].append, "x".format,
                      _function.__code__, {"a": 1}, Citation, _Liar(), object()]
NAMES = ["__globals__", "__code__", "__class__", "__mro__", "mro", "gi_frame", "gi_code",
         "__self__", "__func__", "upper", "format", "title", "_private", "article", "a",
         "__init__", "f_globals", "co_code"]


@pytest.mark.parametrize("obj", OBJECTS, ids=lambda o: type(o).__name__)
def test_every_answer_is_jinjas_own_when_asked_again_and_again(obj: Any) -> None:
    jinja, ours = jinja2.sandbox.SandboxedEnvironment(), Sandbox()
    for _ in range(3):  # first answer worked out, later ones remembered
        for name in NAMES:
            value = getattr(obj, name, None)
            assert ours.is_safe_attribute(obj, name, value) == \
                jinja.is_safe_attribute(obj, name, value), name


def test_an_object_claiming_another_class_is_never_answered_from_memory() -> None:
    ours = Sandbox()
    assert ours.is_safe_attribute(object(), "__globals__", None) is False
    assert ours.is_safe_attribute(object(), "title", None) is True
    assert ours.is_safe_attribute(_Liar(), "__globals__", None) is False
    assert jinja2.sandbox.SandboxedEnvironment().is_safe_attribute(_Liar(), "title", None) \
        is ours.is_safe_attribute(_Liar(), "title", None)


def test_templates_still_cannot_reach_internals() -> None:
    env = Sandbox(undefined=jinja2.StrictUndefined)  # as `render.make_environment` makes it
    for source in ("{{ f.__globals__ }}", "{{ ''.__class__.__mro__ }}", "{{ f.__code__ }}"):
        for _ in range(2):  # and again, from memory
            with pytest.raises(jinja2.sandbox.SecurityError):
                env.from_string(source).render(f=_function)
