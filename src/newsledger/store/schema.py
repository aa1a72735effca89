"""The current schema as SQLAlchemy Core tables, for building queries.

The DDL lives in the numbered migrations (migrations/*.sql); these objects only describe the result so
queries are built from columns, never from strings. tests/store/test_schema.py checks that both agree.
Dialect-only columns (PostgreSQL's `search` tsvectors) are left out: nothing writes them.
"""
from __future__ import annotations

from sqlalchemy import (BigInteger, Boolean, Column, ForeignKey, Integer, MetaData, Table, Text)

metadata = MetaData()


def _span(prefix: str) -> list[Column]:
    return [Column(f"{prefix}_start", Integer), Column(f"{prefix}_end", Integer)]


def _text_span(prefix: str) -> list[Column]:
    return [Column(f"{prefix}_text", Text), *_span(prefix)]


def _article_fk(nullable: bool = False) -> Column:
    return Column("article", Text, ForeignKey("articles.id", ondelete="CASCADE"), nullable=nullable)


def _actor_fk(name: str, nullable: bool = True) -> Column:
    return Column(name, Text, ForeignKey("actors.id"), nullable=nullable)


articles = Table(
    "articles", metadata,
    Column("seq", BigInteger, primary_key=True, autoincrement=True),
    Column("id", Text, nullable=False, unique=True),
    Column("title", Text), Column("source", Text), Column("url", Text),
    Column("published", Text), Column("date", Text), Column("language", Text),
    Column("text", Text, nullable=False),
    Column("schema", Text), Column("model", Text), Column("warnings", Text),
    Column("extra", Text), Column("ingested_at", Text, nullable=False),
)

actors = Table(
    "actors", metadata,
    Column("id", Text, primary_key=True),
    Column("name", Text, nullable=False), Column("type", Text, nullable=False),
    Column("country", Text), Column("roles", Text, nullable=False), Column("wikidata", Text),
    Column("stub", Boolean, nullable=False),
)

actor_aliases = Table(
    "actor_aliases", metadata,
    Column("actor", Text, ForeignKey("actors.id", ondelete="CASCADE"), primary_key=True),
    Column("alias", Text, nullable=False),
    Column("norm", Text, primary_key=True),
)

article_actors = Table(
    "article_actors", metadata,
    Column("article", Text, ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    _actor_fk("actor", nullable=False),
    Column("position", Integer, primary_key=True),
    Column("name", Text), Column("type", Text), Column("country", Text),
    Column("roles", Text, nullable=False), Column("wikidata", Text), Column("extra", Text),
)

mentions = Table(
    "mentions", metadata,
    Column("article", Text, ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    _actor_fk("actor", nullable=False),
    Column("actor_position", Integer, primary_key=True),
    Column("position", Integer, primary_key=True),
    *_span("span"), Column("text", Text),
)

statements = Table(
    "statements", metadata,
    Column("seq", BigInteger, primary_key=True, autoincrement=True),
    Column("id", Text, nullable=False, unique=True),
    _article_fk(), Column("position", Integer, nullable=False),
    _actor_fk("speaker"), *_text_span("speaker"), *_text_span("cue"),
    Column("kind", Text), Column("negated", Boolean), Column("hedged", Boolean),
    Column("quote", Text), *_text_span("content"), Column("time", Text),
    *_span("span"), Column("date", Text), Column("extra", Text),
    Column("reported_by", Integer),     # 0012: position of the statement that reports this one
)

statement_about = Table(
    "statement_about", metadata,
    Column("statement", Text, ForeignKey("statements.id", ondelete="CASCADE"), primary_key=True),
    Column("position", Integer, primary_key=True),
    _actor_fk("actor", nullable=False),
)

events = Table(
    "events", metadata,
    Column("id", Text, primary_key=True),
    _article_fk(), Column("position", Integer, nullable=False),
    Column("code", Text), Column("plover", Text), Column("label", Text),
    _actor_fk("source"), _actor_fk("target"), *_text_span("trigger"),
    Column("location_name", Text), Column("location_country", Text), *_span("location"),
    Column("time", Text), Column("time_precision", Text),
    Column("fatalities", Integer), Column("injured", Integer),
    Column("negated", Boolean), Column("hypothetical", Boolean), Column("same_as", Integer),
    *_span("span"), Column("date", Text), Column("extra", Text),
)

times = Table(
    "times", metadata,
    Column("id", Text, primary_key=True),
    _article_fk(), Column("position", Integer, nullable=False),
    Column("text", Text), *_span("span"), Column("type", Text), Column("value", Text),
    Column("anchor", Text), Column("date", Text), Column("extra", Text),
)

commitments = Table(
    "commitments", metadata,
    Column("id", Text, primary_key=True),
    _article_fk(), Column("position", Integer, nullable=False),
    Column("kind", Text), _actor_fk("holder"), _actor_fk("counterparty"),
    Column("content", Text), Column("conditions", Text), Column("due", Text),
    Column("due_date", Text), Column("status", Text), Column("overdue", Boolean),
    Column("date", Text), Column("extra", Text),
    # the last day of the current due date, extensions included (migration 0018, track/near_due.py)
    Column("due_now", Text),
)

commitment_evidence = Table(
    "commitment_evidence", metadata,
    Column("commitment", Text, ForeignKey("commitments.id", ondelete="CASCADE"), primary_key=True),
    Column("position", Integer, primary_key=True),
    *_span("span"), Column("text", Text),
)

claims = Table(
    "claims", metadata,
    Column("id", Text, primary_key=True),
    Column("text", Text, nullable=False), _actor_fk("speaker"), Column("status", Text),
    Column("article", Text, ForeignKey("articles.id")), Column("date", Text), Column("note", Text),
)

claim_links = Table(
    "claim_links", metadata,
    Column("seq", BigInteger, primary_key=True, autoincrement=True),
    Column("claim", Text, ForeignKey("claims.id", ondelete="CASCADE"), nullable=False),
    Column("statement", Text, ForeignKey("statements.id", ondelete="CASCADE")),
    _article_fk(nullable=True), Column("relation", Text, nullable=False),
    *_span("span"), Column("date", Text), Column("note", Text),
)

history = Table(
    "history", metadata,
    Column("seq", BigInteger, primary_key=True, autoincrement=True),
    Column("record_kind", Text, nullable=False), Column("record_id", Text, nullable=False),
    Column("status", Text, nullable=False), Column("date", Text),
    Column("article", Text, ForeignKey("articles.id")), *_span("span"),
    Column("note", Text), Column("recorded_at", Text, nullable=False),
)

schema_version = Table(
    "schema_version", metadata,
    Column("version", Integer, primary_key=True),
    Column("name", Text, nullable=False), Column("applied_at", Text, nullable=False),
)
