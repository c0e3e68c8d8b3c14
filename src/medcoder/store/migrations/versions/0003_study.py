"""study: exam/quiz attempts, answers, lookup drills, flashcard states, reviews, preferences

Revision ID: 0003_study
Revises: 0001
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003_study"
down_revision = "0001"
branch_labels = None
depends_on = None


def _user_fk(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["user_id"], ["users.id"], name=op.f(f"fk_{table}_user_id_users"), ondelete="CASCADE"
    )


def upgrade() -> None:
    op.create_table(
        "study_attempts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("area", sa.String(length=64), nullable=True),
        sa.Column("seed", sa.Integer(), nullable=False),
        sa.Column("question_ids", sa.Text(), nullable=False),
        sa.Column("questions_json", sa.Text(), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("deadline", sa.DateTime(timezone=True), nullable=False),
        sa.Column("submitted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("correct", sa.Integer(), nullable=True),
        sa.Column("total", sa.Integer(), nullable=False),
        _user_fk("study_attempts"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_study_attempts")),
    )
    op.create_index(op.f("ix_study_attempts_user_id"), "study_attempts", ["user_id"])
    op.create_table(
        "study_answers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("attempt_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("question_id", sa.String(length=128), nullable=False),
        sa.Column("area", sa.String(length=64), nullable=False),
        sa.Column("chosen", sa.Text(), nullable=True),
        sa.Column("is_correct", sa.Boolean(), nullable=True),
        sa.Column("flagged", sa.Boolean(), nullable=False),
        sa.Column("seconds_spent", sa.Float(), nullable=False),
        sa.Column("answered_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("miss_tag", sa.String(length=16), nullable=True),
        sa.ForeignKeyConstraint(
            ["attempt_id"],
            ["study_attempts.id"],
            name=op.f("fk_study_answers_attempt_id_study_attempts"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_study_answers")),
        sa.UniqueConstraint("attempt_id", "position", name=op.f("uq_study_answers_attempt_id")),
    )
    op.create_index(op.f("ix_study_answers_attempt_id"), "study_answers", ["attempt_id"])
    op.create_table(
        "study_drill_lookups",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("question_id", sa.String(length=128), nullable=False),
        sa.Column("scenario", sa.Text(), nullable=False),
        sa.Column("expected_code", sa.String(length=16), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("typed_code", sa.String(length=32), nullable=True),
        sa.Column("is_correct", sa.Boolean(), nullable=True),
        sa.Column("seconds", sa.Float(), nullable=True),
        sa.Column("answered_at", sa.DateTime(timezone=True), nullable=True),
        _user_fk("study_drill_lookups"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_study_drill_lookups")),
    )
    op.create_index(op.f("ix_study_drill_lookups_user_id"), "study_drill_lookups", ["user_id"])
    op.create_table(
        "study_card_states",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("card_id", sa.String(length=128), nullable=False),
        sa.Column("deck", sa.String(length=64), nullable=False),
        sa.Column("state_json", sa.Text(), nullable=False),
        sa.Column("due", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        _user_fk("study_card_states"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_study_card_states")),
        sa.UniqueConstraint("user_id", "card_id", name=op.f("uq_study_card_states_user_id")),
    )
    op.create_index(op.f("ix_study_card_states_user_id"), "study_card_states", ["user_id"])
    op.create_index(op.f("ix_study_card_states_deck"), "study_card_states", ["deck"])
    op.create_table(
        "study_reviews",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("card_id", sa.String(length=128), nullable=False),
        sa.Column("deck", sa.String(length=64), nullable=False),
        sa.Column("rating", sa.Integer(), nullable=False),
        sa.Column("reviewed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("log_json", sa.Text(), nullable=False),
        _user_fk("study_reviews"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_study_reviews")),
    )
    op.create_index(op.f("ix_study_reviews_user_id"), "study_reviews", ["user_id"])
    op.create_table(
        "study_preferences",
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("desired_retention", sa.Float(), nullable=False),
        _user_fk("study_preferences"),
        sa.PrimaryKeyConstraint("user_id", name=op.f("pk_study_preferences")),
    )


def downgrade() -> None:
    op.drop_table("study_preferences")
    op.drop_table("study_reviews")
    op.drop_table("study_card_states")
    op.drop_table("study_drill_lookups")
    op.drop_table("study_answers")
    op.drop_table("study_attempts")
