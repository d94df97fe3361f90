"""The parents' pages' text: published versions per section, Markdown made safe."""

from __future__ import annotations

import re
from dataclasses import dataclass

import markdown
import nh3
from django.db import transaction
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe

from weerbaar.prevention.models import Article, ArticleVersion, Section

ALLOWED_TAGS = {"p", "ul", "ol", "li", "h3", "h4", "strong", "em", "a", "br"}
HEADING = re.compile(r"<(/?)h[12]>")


@dataclass(frozen=True)
class Piece:
    article: Article
    version: ArticleVersion

    @property
    def html(self) -> SafeString:
        return to_html(self.version.body)


def to_html(text: str) -> SafeString:
    """Markdown to HTML with only a small set of tags; headings start below the page's
    own (h1 page, h2 article)."""
    html = markdown.markdown(text, output_format="html")
    html = HEADING.sub(lambda m: f"<{m.group(1)}h3>", html)
    cleaned = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes={"a": {"href"}},
        url_schemes={"https", "mailto", "tel"},
        link_rel="noopener noreferrer",
    )
    return mark_safe(cleaned)  # noqa: S308 - sanitised by nh3 just above


def published(section: str | None = None) -> list[Piece]:
    articles = Article.objects.prefetch_related("versions")
    if section:
        articles = articles.filter(section=section)
    pieces = []
    for article in articles:
        versions = [v for v in article.versions.all() if v.published_at is not None]
        if versions:
            pieces.append(Piece(article, max(versions, key=lambda v: (v.published_at, v.number))))
    return pieces


def by_section() -> list[tuple[Section, list[Piece]]]:
    pieces = published()
    return [(section, [p for p in pieces if p.article.section == section]) for section in Section]


@transaction.atomic
def publish(version: ArticleVersion) -> None:
    version.published_at = timezone.now()
    version.save(update_fields=["published_at"])
