"""French catalogue. Keys are the English source strings; values use the profession's own words.

Two parts, written side by side: ``fr_methods`` (the methods and the domain core: ``methods/``,
``rca/model.py``, ``causes.py``, ``actions.py``, ``demo.py``) and ``fr_app`` (everything else: the TUI,
the CLI, the store, the follow-up, the exports). Where both translate a string, ``fr_app`` wins.

Glossary (the CQPM QSE coordinator's words; shared by both parts)
    case → analyse (f.: « analyse clôturée », like « action clôturée ») · folder → dossier · workspace →
    espace de travail · backup → sauvegarde · action plan → plan d'actions · owner → pilote (tables,
    footers), responsable where a sentence is clearer · leader → pilote · champion → sponsor · facilitator
    → animateur · team → équipe · deliverable → livrable · due date → échéance · late → en retard ·
    closed → clôturée · in progress → en cours · not started → non démarrée · planned → prévue · done →
    réalisée · cancelled → annulée · open (a case) → en cours · containment → (action de) sécurisation ·
    corrective / preventive / improvement → corrective / préventive / d'amélioration · root cause → cause
    racine · occurrence → (cause d')apparition · non-detection → (cause de) non-détection · hypothesis /
    verified / rejected → hypothèse / vérifiée / écartée · evidence → preuve · effectiveness check →
    vérification de l'efficacité · effective / not effective / pending → efficace / non efficace / en
    attente · on-time rate → taux de clôture dans les délais · effectiveness rate → taux d'efficacité ·
    indicator → indicateur · measurement → mesure · target → objectif (« situation cible » on the A3) ·
    baseline → référence · A3 sheet → fiche A3 · 8D report → rapport 8D · Ishikawa / fishbone → diagramme
    d'Ishikawa, bone → arête · why-tree → arbre des pourquoi · 5W2H → QQOQCCP · IS / IS NOT → EST / N'EST
    PAS · step → étape · gate → jalon (passed → franchi) · tollgate → revue de passage · sign-off →
    validation · workshop mode → mode atelier · time-box → temps imparti · timer → chronomètre (« Chrono »
    in the footer) · dashboard → tableau de bord · my actions → mes actions · dot voting → vote par
    gommettes · the room → le groupe.

Typography: « » with a no-break space inside, a no-break space (U+00A0) before : and %, a narrow one
(U+202F) before ; ? ! — ``tests/unit/test_i18n_catalogue.py`` checks it, and the placeholders.
"""

from rca.locales import fr_app, fr_methods

MESSAGES: dict[str, str] = {**fr_methods.MESSAGES, **fr_app.MESSAGES}
