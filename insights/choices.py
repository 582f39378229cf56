"""The fixed vocabularies of insights: kinds of project, types of output, languages of documents."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ProjectKind(models.TextChoices):
    LAB = "lab", _("Lab project")
    INSIGHT = "insight", _("Insight project")
    FUNDED = "funded", _("Funded project")
    EVALUATION = "evaluation", _("Evaluation")


class OutputType(models.TextChoices):
    REPORT = "report", _("Report")
    CASE_STUDY = "case-study", _("Case study")
    TOOLKIT = "toolkit", _("Toolkit")
    VIDEO = "video", _("Video")
    EVALUATION = "evaluation", _("Evaluation")
    PROJECT_UPDATE = "project-update", _("Project update")


class DocumentLanguage(models.TextChoices):
    ENGLISH = "en", _("English")
    WELSH = "cy", _("Welsh (Cymraeg)")
    SCOTTISH_GAELIC = "gd", _("Scottish Gaelic (Gàidhlig)")
    IRISH = "ga", _("Irish (Gaeilge)")
