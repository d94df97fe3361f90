"""Parents' pages as structured, versioned content: communication staff write a new
version, look at its preview and publish it; published versions are never edited, so
what a parent read on a given day can always be shown again."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Section(models.TextChoices):
    SIGNS = "signalen", _("Signalen dat uw kind betrokken kan zijn")
    RECRUITMENT = "werving", _("Hoe werving gaat")
    CONVERSATION = "gesprek", _("Gesprekstips")
    WORRIED = "zorgen", _("Wat kunt u doen als u zich zorgen maakt")


class Article(models.Model):
    slug = models.SlugField(_("adres (slug)"), max_length=80, unique=True)
    section = models.CharField(_("onderdeel"), max_length=20, choices=Section.choices)
    position = models.PositiveIntegerField(_("volgorde"), default=0)
    on_flyer = models.BooleanField(_("op de flyer"), default=True)

    class Meta:
        verbose_name = _("tekst voor ouders")
        verbose_name_plural = _("teksten voor ouders")
        ordering = ["section", "position", "slug"]

    def __str__(self) -> str:
        current = self.published()
        return current.title if current else self.slug

    def published(self) -> ArticleVersion | None:
        return (
            self.versions.filter(published_at__isnull=False)
            .order_by("-published_at", "-number")
            .first()
        )


class ArticleVersion(models.Model):
    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="versions", verbose_name=_("tekst")
    )
    number = models.PositiveIntegerField(_("versie"), editable=False)
    title = models.CharField(_("titel"), max_length=160)
    summary = models.CharField(
        _("samenvatting"),
        max_length=300,
        help_text=_("Eén of twee zinnen in eenvoudige taal (B1); komt ook op de flyer."),
    )
    body = models.TextField(
        _("tekst"),
        help_text=_(
            "Markdown: een lege regel begint een nieuwe alinea, '- ' een opsomming, "
            "'## ' een tussenkop. HTML wordt niet overgenomen."
        ),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        verbose_name=_("auteur"),
    )
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("gemaakt op"))
    published_at = models.DateTimeField(_("gepubliceerd op"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("versie van een tekst")
        verbose_name_plural = _("versies van teksten")
        ordering = ["article", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["article", "number"], name="one_number_per_version")
        ]

    def __str__(self) -> str:
        return f"{self.title} (v{self.number})"

    def save(self, *args: object, **kwargs: object) -> None:
        if self.number is None:
            last = ArticleVersion.objects.filter(article=self.article).aggregate(
                models.Max("number")
            )["number__max"]
            self.number = (last or 0) + 1
        super().save(*args, **kwargs)  # type: ignore[arg-type]
