"""Form widgets generated from a calculator's pydantic input schema (labels and help from field descriptions)."""

from __future__ import annotations

import re
import types
import typing
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

import annotated_types
import streamlit as st
from pydantic import BaseModel

UNKNOWN = "未知"
_PAIR = re.compile(r"([A-Za-z][A-Za-z0-9_/]*)\s*=\s*([^，,；;。=]+)")


@dataclass(frozen=True)
class FieldSpec:
    name: str
    label: str  # short Chinese label (the description up to its first colon)
    help: str  # the full description
    kind: str  # float | int | bool | date | choice | multi | floats | text
    required: bool
    optional: bool  # None is a valid value (Optional[...]): offer 未知
    default: Any
    options: tuple = ()
    option_labels: dict | None = None
    minimum: float | None = None
    maximum: float | None = None


def _unwrap(annotation) -> tuple[Any, bool]:
    """(inner type, whether None is allowed) for X | None and Optional[X]."""
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        if len(args) == 1:
            return args[0], True
    return annotation, False


def _option_labels(description: str, options: tuple, fallback: dict | None = None) -> dict:
    """'dibao=低保家庭，low_income=低收入家庭' in a description → {code: 中文}; 'a_first/second=…一/二等奖' spread out."""
    labels = {}
    for code, text in _PAIR.findall(description):
        text = text.strip()
        codes = code.split("/")
        if len(codes) == 1:
            labels[code] = text
            continue
        stem = codes[0].rsplit("_", 1)[0]
        m = re.search(r"[一二三四五六七八九十](?:/[一二三四五六七八九十])+", text)
        parts = m.group(0).split("/") if m else []
        for i, c in enumerate(codes):
            full = c if c.startswith(stem) else f"{stem}_{c}"
            labels[full] = (
                text[: m.start()] + parts[i] + text[m.end() :] if len(parts) == len(codes) else text
            )
    fallback = fallback or {}
    return {o: labels.get(str(o)) or fallback.get(str(o)) or str(o) for o in options}


def known_option_labels(models) -> dict:
    """Labels of option codes across many schemas, for a field whose description does not spell them out."""
    out: dict = {}
    for model in models:
        for f in model.model_fields.values():
            for code, text in _PAIR.findall(f.description or ""):
                if "/" not in code:
                    out.setdefault(code, text.strip())
    return out


def _bounds(metadata) -> tuple[float | None, float | None]:
    lo = hi = None
    for m in metadata:
        if isinstance(m, annotated_types.Ge):
            lo = m.ge
        elif isinstance(m, annotated_types.Le):
            hi = m.le
    return lo, hi


def field_specs(model: type[BaseModel], fallback_labels: dict | None = None) -> list[FieldSpec]:
    out = []
    for name, f in model.model_fields.items():
        desc = f.description or name
        label = re.split(r"[：:]", desc, maxsplit=1)[0]
        inner, optional = _unwrap(f.annotation)
        default = None if f.is_required() else f.default
        origin = typing.get_origin(inner)
        options, kind = (), "text"
        lo, hi = _bounds(f.metadata)
        if inner is bool:
            kind = "bool"
        elif inner is int:
            kind = "int"
        elif inner is float:
            kind = "float"
        elif inner is date:
            kind = "date"
        elif origin is Literal:
            kind, options = "choice", typing.get_args(inner)
        elif origin is list:
            (item,) = typing.get_args(inner) or (str,)
            item = typing.get_args(item)[0] if typing.get_origin(item) is typing.Annotated else item
            if typing.get_origin(item) is Literal:
                kind, options = "multi", typing.get_args(item)
            else:
                kind = "floats"
        out.append(
            FieldSpec(
                name, label, desc, kind, f.is_required(), optional, default, options,
                _option_labels(desc, options, fallback_labels) if options else None, lo, hi,
            )
        )  # fmt: skip
    return out


def _parse_floats(text: str) -> list[float] | None:
    parts = [p for p in re.split(r"[\s,，、;；]+", text.strip()) if p]
    if not parts:
        return None
    try:
        return [float(p) for p in parts]
    except ValueError:
        st.warning(f"无法识别的数字：{text}")
        return None


def render_field(spec: FieldSpec, key: str, value: Any = None, mark_optional: bool = True) -> Any:
    """One widget for one field; returns the value to pass to Calculator.run (None = not given)."""
    label = spec.label + ("（选填）" if mark_optional and not spec.required else "")
    current = value if value is not None else spec.default
    match spec.kind:
        case "float" | "int":
            is_int = spec.kind == "int"
            cast = int if is_int else float
            return st.number_input(
                label, help=spec.help, key=key,
                value=cast(current) if current is not None else None,
                min_value=cast(spec.minimum) if spec.minimum is not None else None,
                max_value=cast(spec.maximum) if spec.maximum is not None else None,
                step=1 if is_int else 1.0, format="%d" if is_int else "%g", placeholder="请输入数字",
            )  # fmt: skip
        case "bool":
            if not spec.required and not spec.optional:
                return st.checkbox(label, value=bool(current), help=spec.help, key=key)
            choices = ([UNKNOWN] if spec.optional else []) + ["是", "否"]
            index = {True: choices.index("是"), False: choices.index("否")}.get(
                current, 0 if spec.optional else None
            )
            picked = st.radio(label, choices, index=index, help=spec.help, key=key, horizontal=True)
            return {"是": True, "否": False}.get(picked)
        case "date":
            return st.date_input(
                label, value=current, help=spec.help, key=key,
                min_value=date(1940, 1, 1), max_value=date(2035, 12, 31),
            )  # fmt: skip
        case "choice":
            choices = ([None] if spec.optional else []) + list(spec.options)
            labels = spec.option_labels or {}
            index = choices.index(current) if current in choices else (0 if spec.optional else None)
            return st.selectbox(
                label, choices, index=index, help=spec.help, key=key, placeholder="请选择",
                format_func=lambda o: UNKNOWN if o is None else labels.get(o, str(o)),
            )  # fmt: skip
        case "multi":
            labels = spec.option_labels or {}
            picked = st.multiselect(
                label, list(spec.options), default=list(current or []), help=spec.help, key=key,
                format_func=lambda o: labels.get(o, str(o)), placeholder="可多选",
            )  # fmt: skip
            return picked or None
        case "floats":
            text = st.text_input(
                label, value=" ".join(f"{v:g}" for v in current) if current else "", help=spec.help, key=key,
                placeholder="每项一个数，用逗号或空格分隔",
            )  # fmt: skip
            return _parse_floats(text)
        case _:
            text = st.text_input(label, value=str(current or ""), help=spec.help, key=key)
            return text or None
