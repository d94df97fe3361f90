"""Admin for communication staff and coordinators: parents' texts as versions (a published
version is never edited; write a new one), help organisations, catalogue, buses."""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from weerbaar.accounts.admin_scoping import RecordAdmin, ReferenceAdmin, RegionContent
from weerbaar.prevention.models import (
    Article,
    ArticleVersion,
    Bus,
    Covenant,
    HelpOrganisation,
    Intervention,
    Problem,
    Recognition,
)
from weerbaar.prevention.services import content, selectors


class VersionInline(admin.TabularInline):
    model = ArticleVersion
    fields = ["number", "title", "created_at", "published_at", "preview"]
    readonly_fields = ["number", "title", "created_at", "published_at", "preview"]
    extra = 0
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    @admin.display(description=_("voorbeeld"))
    def preview(self, version: ArticleVersion) -> str:
        return format_html(
            '<a href="{}">{}</a>', reverse("prevention:preview", args=[version.pk]), _("bekijken")
        )


@admin.register(Article)
class ArticleAdmin(RegionContent):
    list_display = ["slug", "section", "position", "on_flyer", "__str__"]
    list_filter = ["section"]
    inlines = [VersionInline]


@admin.register(ArticleVersion)
class ArticleVersionAdmin(RegionContent):
    list_display = ["title", "article", "number", "created_at", "published_at", "author"]
    list_filter = ["article__section", "published_at"]
    actions = ["publish"]
    readonly_fields = ["number", "author", "created_at", "published_at", "preview_link"]

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        if obj is not None and obj.published_at is not None:
            return False  # published text stays as it was read; write a new version
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        if obj is not None and obj.published_at is not None:
            return False
        return super().has_delete_permission(request, obj)

    def get_changeform_initial_data(self, request: HttpRequest) -> dict[str, Any]:
        """A new version starts from the article's latest text."""
        initial = super().get_changeform_initial_data(request)
        article_id = request.GET.get("article", "")
        latest = (
            ArticleVersion.objects.filter(article_id=article_id).order_by("-number").first()
            if article_id.isdigit()
            else None
        )
        if latest:
            initial.update(title=latest.title, summary=latest.summary, body=latest.body)
        return initial

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        if not change:
            obj.author = request.user
        super().save_model(request, obj, form, change)

    @admin.display(description=_("voorbeeld"))
    def preview_link(self, version: ArticleVersion) -> str:
        if not version.pk:
            return "—"
        return format_html(
            '<a href="{}">{}</a>', reverse("prevention:preview", args=[version.pk]), _("bekijken")
        )

    @admin.action(description=_("Geselecteerde versies publiceren"))
    def publish(self, request: HttpRequest, queryset: QuerySet[ArticleVersion]) -> None:
        count = 0
        for version in queryset.filter(published_at__isnull=True):
            content.publish(version)
            count += 1
        messages.success(request, _("%(n)s versie(s) gepubliceerd.") % {"n": count})


@admin.register(HelpOrganisation)
class HelpOrganisationAdmin(RegionContent):
    list_display = ["name", "kind", "municipality_code", "phone", "is_active"]
    list_filter = ["kind", "is_active"]
    search_fields = ["name", "municipality_code"]


class RecognitionInline(admin.TabularInline):
    model = Recognition
    extra = 0


@admin.register(Intervention)
class InterventionAdmin(RegionContent):
    list_display = ["name", "target_group", "setting", "is_active"]
    list_filter = ["target_group", "setting", "is_active"]
    search_fields = ["name", "summary", "provider"]
    filter_horizontal = ["problems"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [RecognitionInline]


@admin.register(Problem)
class ProblemAdmin(ReferenceAdmin):
    list_display = ["name", "slug", "indicator_code"]


@admin.register(Bus)
class BusAdmin(ReferenceAdmin):
    list_display = ["name", "depot", "day_start", "day_end", "is_active"]


@admin.register(Covenant)
class CovenantAdmin(RecordAdmin):
    """Covenants are recorded at /preventie/convenanten/; here read-only and audited."""

    reader = staticmethod(selectors.visible_covenants)
    list_display = ["title", "municipality", "signed_on", "review_on"]
