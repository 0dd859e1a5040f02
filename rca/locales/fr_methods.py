"""French for the methods and for everything a facilitator reads.

The English source strings of ``methods/*.py`` (steps, guidance, fields, gates, category sets, SMART,
escalation), ``rca/model.py`` (enum labels), ``rca/causes.py``, ``rca/actions.py`` and ``rca/demo.py``,
in the words French QSE coordinators use (the CQPM "Coordonnateur du système QSE" reference):

    5 Whys → 5 pourquoi · fishbone → diagramme d'Ishikawa, bone → arête · 6M → Main-d'œuvre, Matériel,
    Méthode, Matière, Mesure, Milieu (8M: + Management, Maintenance) · containment → sécurisation ·
    corrective / preventive / improvement → corrective / préventive / amélioration · root cause → cause
    racine · occurrence / non-detection / systemic → apparition / non-détection / systémique ·
    hypothesis / verified / rejected → hypothèse / vérifiée / écartée · owner → pilote (the team's
    leader too), champion → sponsor, facilitator → animateur · deliverable → livrable · due date →
    échéance · effectiveness check → vérification de l'efficacité (efficace / non efficace / en
    attente) · 5W2H → QQOQCCP · IS / IS NOT → EST / N'EST PAS ·
    FMEA → AMDEC · control plan → plan de surveillance · lessons learned → retour d'expérience ·
    read-across → généralisation · tollgate → revue de passage · DMAIC → Définir, Mesurer, Analyser,
    Améliorer, Contrôler · PDCA → planifier, faire, vérifier, agir · a case → une analyse.

Action and case statuses are feminine (« une action clôturée », « une analyse annulée »): the keys
"closed" and "cancelled" are shared by cases and actions, so one gender serves both. A few short keys
are also used by the app ("open", "closed", "planned", "due date", "Check"...): ``rca/locales/fr.py``
lets ``fr_app`` win there, and the values here are the same, so both files tell the truth.

The values are written with ordinary spaces; ``_french_spacing`` then puts in the spaces French
typography wants, the same way everywhere: a no-break space (U+00A0) before « : » and « % » and inside
« », a narrow no-break space (U+202F) before « ; », « ? », « ! » and as the thousands separator. So a
line never breaks before a colon or a question mark, and nobody has to type invisible characters.
"""

from __future__ import annotations

import re

_NO_BREAK = "\u00a0"
_NARROW_NO_BREAK = "\u202f"


def _french_spacing(text: str) -> str:
    """Ordinary spaces → the no-break spaces of French typography (see the module docstring)."""
    text = re.sub(r" ([:%»])", _NO_BREAK + r"\1", text)
    text = re.sub(r"« ", "«" + _NO_BREAK, text)
    text = re.sub(r" ([;?!])", _NARROW_NO_BREAK + r"\1", text)
    text = re.sub(r"(?<![\d,.])(\d{1,3}) (\d{3})(?!\d)", r"\1" + _NARROW_NO_BREAK + r"\2", text)
    return text


_RAW: dict[str, str] = {
    # ------------------------------------------------------------ methods/a3.py
    "Theme":
        "Thème",
    "Background":
        "Contexte",
    "Current condition":
        "Situation actuelle",
    # The A3 box, as French A3 sheets say (fr_app uses the same word for an indicator's target).
    "Target":
        "Objectif",
    "Analysis":
        "Analyse des causes",
    "Countermeasures":
        "Contre-mesures",
    "Plan":
        "Plan",
    "Follow-up":
        "Suivi",
    "Approval":
        "Validation",
    "the problem in a few words, not a solution ('Changeover time on press line 3', not 'SMED on press line 3')":
        "le problème en quelques mots, pas une solution (« Temps de changement de série sur la ligne de "
        "presses 3 », et non « SMED sur la ligne de presses 3 »)",
    "Owner":
        "Pilote",
    "who writes the A3 and owns the problem":
        "qui rédige l'A3 et porte le problème",
    "Mentor / approver":
        "Mentor / approbateur",
    "who coaches the owner and approves the A3":
        "qui accompagne le pilote et valide l'A3",
    "Date":
        "Date",
    "when this version was written (YYYY-MM-DD)":
        "date de rédaction de cette version (JJ/MM/AAAA)",
    "Revision":
        "Révision",
    "the version of the sheet, e.g. 'rev. 2'":
        "la version de la feuille, par ex. « rév. 2 »",
    "why this matters now: customer, safety, cost, delivery; what happens if nothing is done":
        "pourquoi c'est important maintenant : client, sécurité, coût, délai ; ce qui se passe si on ne "
        "fait rien",
    "Link to the company's goals":
        "Lien avec les objectifs de l'entreprise",
    "the objective or policy this serves":
        "l'objectif ou la politique que cela sert",
    "the facts from the gemba: how the work is done today, where the problem shows, with numbers":
        "les faits constatés sur le terrain : comment le travail se fait aujourd'hui, où le problème "
        "apparaît, chiffres à l'appui",
    "Where the problem concentrates":
        "Où le problème se concentre",
    "Pareto by line, shift, product or step: the point of cause to attack first":
        "Pareto par ligne, équipe, produit ou étape : le point de cause à attaquer en premier",
    "how much, by when (e.g. 'changeover from 47 to 20 min by week 40')":
        "combien, pour quand (par ex. « changement de série de 47 à 20 min d'ici la semaine 40 »)",
    "Analysis notes":
        "Notes d'analyse",
    "how the causes were found and verified: observations, time studies, trials":
        "comment les causes ont été trouvées et vérifiées : observations, chronométrages, essais",
    "results against the target, what is left, the next PDCA turn":
        "les résultats par rapport à l'objectif, ce qui reste à faire, le prochain tour de PDCA",
    "{name}: no result measured yet; measure it after the countermeasures":
        "{name} : aucun résultat mesuré pour l'instant ; mesurez-le après les contre-mesures",
    "{name} is at {value}{unit}, the target is {target}{unit}: find out why, revise the countermeasures, and start another PDCA turn":
        "{name} est à {value}{unit} pour un objectif de {target}{unit} : cherchez pourquoi, revoyez les "
        "contre-mesures et lancez un nouveau tour de PDCA",
    "signed by {who}, but the mentor named on the sheet is {mentor}":
        "signé par {who}, mais le mentor indiqué sur la feuille est {mentor}",
    "A3":
        "A3",
    "One page that tells the story of a problem and its countermeasures, written by its owner and coached by a mentor: for problems that need weeks of PDCA.":
        "Une page qui raconte l'histoire d'un problème et de ses contre-mesures, rédigée par son pilote "
        "avec l'appui d'un mentor : pour les problèmes qui demandent plusieurs semaines de PDCA.",
    "Name the problem, its owner and the mentor who will approve the sheet.":
        "Nommez le problème, son pilote et le mentor qui validera la feuille.",
    "What problem are we solving, in a few words?":
        "Quel problème résolvons-nous, en quelques mots ?",
    "Who owns it, and who coaches and approves?":
        "Qui le pilote, et qui accompagne et valide ?",
    "A theme that is a solution ('Install a new press').":
        "Un thème qui est une solution (« Installer une nouvelle presse »).",
    "An A3 written by a staff function for the line: the owner runs the process.":
        "Un A3 rédigé par une fonction support à la place de la ligne : le pilote est celui qui fait "
        "tourner le processus.",
    "Changeover time on press line 3. Owner: Sophie Laurent (production). Mentor: Julie Moreau (plant manager). Rev. 2.":
        "Temps de changement de série sur la ligne de presses 3. Pilote : Sophie Laurent (production). "
        "Mentor : Julie Moreau (directrice d'usine). Rév. 2.",
    "Say why this problem matters now, to the customer and to the business.":
        "Dites pourquoi ce problème compte maintenant, pour le client et pour l'entreprise.",
    "Why does it matter: customer, safety, cost, delivery?":
        "Pourquoi est-ce important : client, sécurité, coût, délai ?",
    "Which company objective does it serve? What if we do nothing?":
        "À quel objectif de l'entreprise cela répond-il ? Que se passe-t-il si on ne fait rien ?",
    "A history of the plant instead of the reason to act now.":
        "L'historique de l'usine au lieu de la raison d'agir maintenant.",
    "Press line 3 runs 14 changeovers a week; at 47 min each we lose 11 h of capacity and build 3 days of stock to protect deliveries. The plant goal is -20 % inventory this year.":
        "La ligne de presses 3 fait 14 changements de série par semaine ; à 47 min chacun, nous perdons "
        "11 h de capacité et constituons 3 jours de stock pour tenir les livraisons. L'objectif de l'usine "
        "est de réduire les stocks de 20 % cette année.",
    "Show how the work is done today, with facts from the gemba and an indicator with its baseline.":
        "Montrez comment le travail se fait aujourd'hui, avec des faits constatés sur le terrain et un "
        "indicateur avec sa valeur de référence.",
    "Did we go and see? What did we observe, time, count?":
        "Sommes-nous allés voir sur le terrain ? Qu'avons-nous observé, chronométré, compté ?",
    "What is the indicator, and its value today (the baseline)?":
        "Quel est l'indicateur, et sa valeur aujourd'hui (la référence) ?",
    "Where does the problem concentrate: which product, shift, step?":
        "Où le problème se concentre-t-il : quel produit, quelle équipe, quelle étape ?",
    "Opinions instead of observations.":
        "Des opinions au lieu d'observations.",
    "No baseline: without it nobody can tell later whether it improved.":
        "Pas de valeur de référence : sans elle, personne ne pourra dire ensuite si la situation s'est "
        "améliorée.",
    "Filmed 5 changeovers: 47 min on average, 28 min of it internal work that could be done while running (fetching dies, finding clamps, first-piece adjustments).":
        "5 changements de série filmés : 47 min en moyenne, dont 28 min de travail interne qui pourrait "
        "se faire presse en marche (aller chercher les outils, trouver les brides, régler la première "
        "pièce).",
    "Set a measurable target and a date, on the indicator of the current condition.":
        "Fixez un objectif mesurable et une date, sur l'indicateur de la situation actuelle.",
    "How much, by when? How will we measure it?":
        "Combien, pour quand ? Comment allons-nous le mesurer ?",
    "Is it ambitious but reachable with the resources we have?":
        "Est-il ambitieux, mais atteignable avec les moyens dont nous disposons ?",
    "'Improve' or 'reduce' without a number or a date.":
        "« Améliorer » ou « réduire » sans chiffre ni date.",
    "A target on an indicator nobody measures.":
        "Un objectif sur un indicateur que personne ne mesure.",
    "Changeover on press line 3 from 47 to 20 min by week 40.":
        "Changement de série sur la ligne de presses 3 : de 47 à 20 min d'ici la semaine 40.",
    "Find the root causes of the gap between the current condition and the target, and verify them.":
        "Trouvez les causes racines de l'écart entre la situation actuelle et l'objectif, et vérifiez-les.",
    "Why is the changeover long? Ask why until a cause you can act on.":
        "Pourquoi le changement de série est-il long ? Demandez « pourquoi ? » jusqu'à une cause sur "
        "laquelle vous pouvez agir.",
    "What verifies each root cause: a time study, a trial, data?":
        "Qu'est-ce qui vérifie chaque cause racine : un chronométrage, un essai, des données ?",
    "Jumping from the current condition to solutions.":
        "Sauter de la situation actuelle aux solutions.",
    "Causes nobody checked on the floor.":
        "Des causes que personne n'est allé vérifier sur le terrain.",
    "Dies are fetched after the press stops because there is no die cart at the line (verified: 12 of 47 min spent fetching, on 5 filmed changeovers).":
        "Les outils sont cherchés une fois la presse arrêtée, faute de chariot d'outils à la ligne "
        "(vérifié : 12 des 47 min passées à aller les chercher, sur 5 changements filmés).",
    "no verified root cause yet: why is there a gap? Verify each root cause with facts":
        "aucune cause racine vérifiée pour l'instant : pourquoi y a-t-il un écart ? Vérifiez chaque cause "
        "racine par des faits",
    "Put a countermeasure on each root cause.":
        "Mettez une contre-mesure en face de chaque cause racine.",
    "What removes this root cause? Which option is cheapest and quickest to try?":
        "Qu'est-ce qui supprime cette cause racine ? Quelle option est la moins chère et la plus rapide à "
        "essayer ?",
    "What does the mentor think? Who else is affected (catchball)?":
        "Qu'en pense le mentor ? Qui d'autre est concerné (catchball) ?",
    "Countermeasures that do not trace to a root cause.":
        "Des contre-mesures qui ne se rattachent à aucune cause racine.",
    "One big investment where small experiments would teach more.":
        "Un gros investissement là où de petits essais en apprendraient davantage.",
    "Die cart at the line, prepared during the previous run (root cause: no die cart).":
        "Chariot d'outils à la ligne, préparé pendant la série précédente (cause racine : pas de chariot "
        "d'outils).",
    "Implementation plan":
        "Plan de mise en œuvre",
    "Give every action an owner, a deliverable and a due date.":
        "Donnez à chaque action un pilote, un livrable et une échéance.",
    "Who does what, by when? What will exist when it is done?":
        "Qui fait quoi, pour quand ? Qu'est-ce qui existera une fois l'action réalisée ?",
    "What could get in the way, and who removes it?":
        "Qu'est-ce qui pourrait bloquer, et qui lève l'obstacle ?",
    "'Team' or 'quality' as the owner: one name per action.":
        "« L'équipe » ou « la qualité » comme pilote : un nom par action.",
    "Deliverables nobody could check ('SMED done').":
        "Des livrables que personne ne peut vérifier (« SMED fait »).",
    "Die cart: owner Marc Dubois, deliverable 'cart in use at press line 3', due 2026-06-15.":
        "Chariot d'outils : pilote Marc Dubois, livrable « chariot en service sur la ligne de presses 3 », "
        "échéance le 15/06/2026.",
    "no action in the plan yet":
        "aucune action dans le plan pour l'instant",
    "Check the results against the target, and the effectiveness of each action.":
        "Comparez les résultats à l'objectif et vérifiez l'efficacité de chaque action.",
    "Where is the indicator against the target?":
        "Où en est l'indicateur par rapport à l'objectif ?",
    "Did each countermeasure work? What did we learn?":
        "Chaque contre-mesure a-t-elle marché ? Qu'avons-nous appris ?",
    "What is the next PDCA turn, and who shares the result with other lines?":
        "Quel est le prochain tour de PDCA, et qui partage le résultat avec les autres lignes ?",
    "Reporting actions done instead of results reached.":
        "Rendre compte des actions réalisées au lieu des résultats atteints.",
    "Declaring victory on one good week.":
        "Crier victoire sur une seule bonne semaine.",
    "Changeover at 22 min over the last 4 weeks (target 20); die cart and clamps effective; next turn: first-piece adjustment.":
        "Changement de série à 22 min sur les 4 dernières semaines (objectif 20) ; chariot d'outils et "
        "brides efficaces ; prochain tour : le réglage de la première pièce.",
    "The mentor reviews the sheet with the owner and decides: proceed, or revise.":
        "Le mentor relit la feuille avec le pilote et décide : poursuivre, ou reprendre.",
    "Does the story hold from background to follow-up? Would you sign it?":
        "L'histoire tient-elle, du contexte jusqu'au suivi ? La signeriez-vous ?",
    "Approving by e-mail without reading the sheet with its owner.":
        "Valider par courriel sans relire la feuille avec son pilote.",
    "Approved by Julie Moreau on 2026-10-06: proceed, standardise on presses 1 and 2.":
        "Validé par Julie Moreau le 06/10/2026 : poursuivre, standardiser sur les presses 1 et 2.",
    "the mentor":
        "le mentor",
    # ------------------------------------------------------------ methods/base.py, registry.py
    "{method} has no step '{step}'; its steps are: {steps}":
        "{method} n'a pas d'étape « {step} » ; ses étapes sont : {steps}",
    "unknown method '{method}'; try one of: {choices}":
        "méthode « {method} » inconnue ; essayez l'une de celles-ci : {choices}",
    # ------------------------------------------------------------ methods/checks.py
    "What":
        "Quoi",
    "what exactly is wrong: the defect, the deviation, the event?":
        "qu'est-ce qui ne va pas exactement : le défaut, l'écart, l'événement ?",
    "Where":
        "Où",
    "where was it seen: line, machine, site, customer?":
        "où a-t-il été constaté : ligne, machine, site, client ?",
    "When":
        "Quand",
    "when was it first seen, and how often since?":
        "quand a-t-il été constaté pour la première fois, et à quelle fréquence depuis ?",
    "Who":
        "Qui",
    "who found it, who is affected?":
        "qui l'a détecté, qui est concerné ?",
    "How detected":
        "Comment détecté",
    "how was it detected: customer complaint, inspection, audit?":
        "comment a-t-il été détecté : réclamation client, contrôle, audit ?",
    "How many":
        "Combien",
    "how many parts, what rate, what cost?":
        "combien de pièces, quel taux, quel coût ?",
    "Why it matters":
        "Pourquoi c'est important",
    "why does it matter: customer, safety, cost, compliance?":
        "pourquoi est-ce important : client, sécurité, coût, conformité ?",
    "{step}: {message}":
        "{step} : {message}",
    " or ":
        " ou ",
    "fill it in before moving on":
        "remplissez-le avant de passer à la suite",
    "'{label}' is empty: {hint}":
        "« {label} » est vide : {hint}",
    "'{label}' is not SMART yet: {problem}":
        "« {label} » n'est pas encore SMART : {problem}",
    "the problem statement has no '{label}' yet: {question}":
        "la rubrique « {label} » de l'énoncé du problème est vide : {question}",
    "'How many' says '{text}': put a number on it (parts, ppm, %, euros, hours)":
        "« Combien » indique « {text} » : chiffrez-le (pièces, ppm, %, euros, heures)",
    "the problem is not quantified: how many parts, what rate, what cost?":
        "le problème n'est pas chiffré : combien de pièces, quel taux, quel coût ?",
    "no IS / IS NOT row with both sides filled: where could the problem be but is not (other lines, shifts, products, customers)? The difference is the clue":
        "aucune ligne EST / N'EST PAS remplie des deux côtés : où le problème pourrait-il se trouver, mais "
        "ne se trouve pas (autres lignes, équipes, produits, clients) ? La différence met sur la piste",
    "no champion: name the manager who sponsors the work, removes obstacles and signs the closure":
        "pas de sponsor : nommez le responsable qui soutient la démarche, lève les obstacles et signe la "
        "clôture",
    "no leader: name the person who drives the case day to day":
        "pas de pilote : nommez la personne qui mène l'analyse au quotidien",
    "{count} person(s) on the team: bring the people who know the process (production, quality, maintenance...), {size} or more":
        "{count} personne(s) dans l'équipe : faites venir ceux qui connaissent le processus (production, "
        "qualité, maintenance…), au moins {size}",
    "{cause} is marked as a root cause but is still a hypothesis: verify it with facts, or unmark it":
        "{cause} est marquée comme cause racine mais reste une hypothèse : vérifiez-la par des faits, ou "
        "retirez la marque",
    "{cause} is verified without evidence: record what showed it (a measurement, a test, a record)":
        "{cause} est vérifiée sans preuve : consignez ce qui l'a montré (une mesure, un essai, un "
        "enregistrement)",
    "{cause} was rejected without evidence: say what ruled it out, so nobody investigates it again":
        "{cause} a été écartée sans preuve : dites ce qui l'a écartée, pour que personne ne la réexamine",
    "{cause} has no {kind} action yet: what change in the process removes it? Link the action to the cause":
        "{cause} n'a pas encore d'action de type {kind} : quel changement du processus la supprime ? "
        "Reliez l'action à la cause",
    "{cause} has no action yet: what change in the process removes it? Link the action to the cause":
        "{cause} n'a pas encore d'action : quel changement du processus la supprime ? Reliez l'action à la "
        "cause",
    "owner":
        "pilote",
    "deliverable":
        "livrable",
    "due date":
        "échéance",
    # ``missing`` is "owner, no deliverable, no due date" joined with ", no ": in French a list to
    # complete reads better, and « pas de » would need an elision before « échéance ».
    "{action} has no {missing}: every action needs an owner, a deliverable and a due date":
        "{action} : à compléter ({missing}) ; chaque action a besoin d'un pilote, d'un livrable et d'une "
        "échéance",
    ", no ":
        ", ",
    "{action}: how will you know '{deliverable}' is delivered? Add something countable (e.g. '4 dies converted', 'rev. C published')":
        "{action} : comment saurez-vous que « {deliverable} » est livré ? Ajoutez quelque chose de "
        "chiffré ou de constatable (par ex. « 4 outils transformés », « indice C diffusé »)",
    "{action} has no effectiveness criterion: what will show it worked (e.g. 'zero returns for 3 months')?":
        "{action} n'a pas de critère d'efficacité : qu'est-ce qui montrera qu'elle a marché (par ex. "
        "« zéro retour pendant 3 mois ») ?",
    "{action}: say when the effectiveness will be checked":
        "{action} : dites quand l'efficacité sera vérifiée",
    "{action} is {status}, due {due}: finish it, or re-plan it with its owner ({owner})":
        "{action} est {status}, échéance le {due} : terminez-la, ou replanifiez-la avec son pilote "
        "({owner})",
    "nobody":
        "personne",
    "{action} is {status}: finish it, or re-plan it with its owner":
        "{action} est {status} : terminez-la, ou replanifiez-la avec son pilote",
    "{action} was not effective: the cause or the action was wrong; go back to the root causes and plan another action":
        "{action} n'a pas été efficace : la cause ou l'action n'était pas la bonne ; revenez aux causes "
        "racines et planifiez une autre action",
    "{action} is done but its effectiveness is not checked yet (planned {date}): record whether it worked, with evidence":
        "{action} est réalisée mais son efficacité n'est pas encore vérifiée (prévu le {date}) : "
        "indiquez si elle a marché, preuve à l'appui",
    "{action} is done but its effectiveness is not checked yet: record whether it worked, with evidence":
        "{action} est réalisée mais son efficacité n'est pas encore vérifiée : indiquez si elle a marché, "
        "preuve à l'appui",
    "no indicator yet: what do you measure, in which unit?":
        "aucun indicateur pour l'instant : que mesurez-vous, dans quelle unité ?",
    "no baseline: measure the indicator before changing anything (enter a baseline or the first measurements)":
        "pas de valeur de référence : mesurez l'indicateur avant de changer quoi que ce soit (saisissez "
        "une référence ou les premières mesures)",
    "no indicator has a target and a target date: what value, by when?":
        "aucun indicateur n'a d'objectif avec une date : quelle valeur, pour quand ?",
    "the sponsor":
        "le sponsor",
    "not signed off yet: {signer} reviews it and decides proceed or revise":
        "pas encore validé : {signer} revoit l'étape et décide « poursuivre » ou « à reprendre »",
    "no note":
        "sans commentaire",
    "{who} asked to revise on {date} ({note}): rework it and sign off again":
        "{who} a demandé de reprendre le {date} ({note}) : retravaillez l'étape et faites-la valider de "
        "nouveau",
    "no {role} on the team to sign off: name one in the team":
        "aucun {role} dans l'équipe pour valider : désignez-en un dans l'équipe",
    "signed by {who}, who is not the {role} of the case":
        "signé par {who}, qui n'est pas le {role} de l'analyse",
    # ------------------------------------------------------------ methods/smart.py
    "no measurable target: say how much, with a number and its unit (e.g. 'from 47 to 20 min', 'below 500 ppm', 'zero returns')":
        "pas de cible mesurable : dites combien, avec un chiffre et son unité (par ex. « de 47 à 20 min », "
        "« sous 500 ppm », « zéro retour »)",
    "no date: say by when (e.g. 'by 2026-09-30', 'by week 40', 'end of June', 'Q3')":
        "pas de date : dites pour quand (par ex. « d'ici le 30/09/2026 », « d'ici la semaine 40 », "
        "« fin juin », « T3 »)",
    # ------------------------------------------------------------ methods/escalation.py
    "{case} already follows {method}; nothing to escalate":
        "{case} suit déjà la méthode {method} ; rien à basculer",
    "{case} follows {method}: only a 5 Whys or an Ishikawa case can be escalated, to an 8D or an A3":
        "{case} suit la méthode {method} : seule une analyse 5 pourquoi ou Ishikawa peut basculer, en 8D "
        "ou en A3",
    "{case} can be escalated to an 8D or an A3, not to {method}; start a new {method} case and link it in the background instead":
        "{case} peut basculer en 8D ou en A3, pas en {method} ; ouvrez plutôt une nouvelle analyse "
        "{method} et mentionnez-la dans le contexte",
    # ------------------------------------------------------------ methods/dmaic.py
    "Define":
        "Définir",
    "Measure":
        "Mesurer",
    "Analyze":
        "Analyser",
    "Improve":
        "Améliorer",
    "Control":
        "Contrôler",
    "Problem statement":
        "Énoncé du problème",
    "what, where, since when, how much: no cause, no solution":
        "quoi, où, depuis quand, combien : ni cause, ni solution",
    "Goal":
        "Objectif",
    "from the baseline to the target, by when (e.g. 'scrap from 4.2 % to 2 % by Q3')":
        "de la référence à la cible, pour quand (par ex. « rebut de 4,2 % à 2 % d'ici T3 »)",
    "Business case":
        "Enjeux économiques",
    "why now: cost, customer, capacity; the gain in euros":
        "pourquoi maintenant : coût, client, capacité ; le gain en euros",
    "In scope":
        "Dans le périmètre",
    "the process, products, lines, sites included":
        "le processus, les produits, les lignes, les sites inclus",
    "Out of scope":
        "Hors périmètre",
    "what the project will not touch":
        "ce que le projet ne touchera pas",
    "SIPOC":
        "SIPOC",
    "suppliers, inputs, process steps (5 to 7), outputs, customers":
        "fournisseurs, entrées, étapes du processus (5 à 7), sorties, clients",
    "Voice of the customer":
        "Voix du client",
    "what the customers (internal or external) say, in their words":
        "ce que disent les clients (internes ou externes), avec leurs mots",
    "CTQs":
        "CTQ",
    "the measurable requirements the voice of the customer translates into":
        "les exigences mesurables, critiques pour la qualité, qui traduisent la voix du client",
    "The Y":
        "Le Y",
    "the output measure the project must move, with its unit":
        "la mesure de sortie que le projet doit faire bouger, avec son unité",
    "Operational definition":
        "Définition opérationnelle",
    "exactly how the Y is measured: what counts, where, when, with what, by whom":
        "comment le Y est mesuré exactement : ce qui compte, où, quand, avec quoi, par qui",
    "Data collection plan":
        "Plan de collecte des données",
    "which data, how many, how often, stratified by what":
        "quelles données, combien, à quelle fréquence, stratifiées selon quoi",
    "Measurement system":
        "Système de mesure",
    "can we trust the measurement: gauge R&R, attribute agreement":
        "peut-on se fier à la mesure : étude R&R, concordance par attributs",
    "What the data showed":
        "Ce que montrent les données",
    "Pareto, stratification, regression, hypothesis tests: which Xs move the Y, and how much":
        "Pareto, stratification, régression, tests d'hypothèse : quels X font bouger le Y, et de combien",
    "Solutions":
        "Solutions",
    "the solutions chosen for each verified root cause, and why":
        "les solutions retenues pour chaque cause racine vérifiée, et pourquoi",
    "Pilot":
        "Essai pilote",
    "where and how long it was tried, and the result on the Y":
        "où et combien de temps la solution a été essayée, et le résultat sur le Y",
    "Risk review":
        "Analyse des risques",
    "what could go wrong with the change (FMEA of the solution), and the safeguards":
        "ce qui pourrait mal tourner avec le changement (AMDEC de la solution), et les parades",
    "Control plan":
        "Plan de surveillance",
    "what is monitored, how often, the reaction plan":
        "ce qui est surveillé, à quelle fréquence, le plan de réaction",
    "Standard work":
        "Standard de travail",
    "the procedures and work instructions updated":
        "les procédures et instructions de travail mises à jour",
    "Training":
        "Formation",
    "who was trained on the new way of working, and when":
        "qui a été formé à la nouvelle façon de travailler, et quand",
    "Hand-off to the process owner":
        "Passation au pilote du processus",
    "who owns the process and its control plan from now on":
        "qui est désormais responsable du processus et de son plan de surveillance",
    "Lessons learned":
        "Retour d'expérience",
    "what to repeat and what to avoid in the next project":
        "ce qu'il faut refaire et ce qu'il faut éviter au prochain projet",
    "the goal gives one number: state the baseline and the target (e.g. 'scrap from 4.2 % to 2 % by Q3')":
        "l'objectif ne donne qu'un chiffre : indiquez la référence et la cible (par ex. « rebut de 4,2 % "
        "à 2 % d'ici T3 »)",
    "{name} is at {value}{unit}, short of the target ({target}{unit}): is the process really under control?":
        "{name} est à {value}{unit} et n'atteint pas l'objectif ({target}{unit}) : le processus est-il "
        "vraiment maîtrisé ?",
    "the champion":
        "le sponsor",
    "DMAIC":
        "DMAIC",
    "A data-driven improvement project in five phases with tollgates: for a chronic problem on a measurable process output.":
        "Un projet d'amélioration fondé sur les données, en cinq phases avec revues de passage : pour un "
        "problème chronique sur une sortie de processus mesurable.",
    "Agree the charter: the problem, a SMART goal with baseline and target, the business case, the scope, the team, the SIPOC and the customers' CTQs.":
        "Validez la charte du projet : le problème, un objectif SMART avec référence et cible, les enjeux "
        "économiques, le périmètre, l'équipe, le SIPOC et les CTQ des clients.",
    "What is the problem, in numbers, and what is it worth?":
        "Quel est le problème, en chiffres, et combien coûte-t-il ?",
    "What is in scope and, as important, what is not?":
        "Qu'est-ce qui est dans le périmètre et, tout aussi important, qu'est-ce qui n'y est pas ?",
    "Who are the customers of the process and what do they need (CTQs)?":
        "Qui sont les clients du processus et de quoi ont-ils besoin (CTQ) ?",
    "Who sponsors the project (champion) and who leads it?":
        "Qui soutient le projet (sponsor) et qui le pilote ?",
    "A charter that already names the solution.":
        "Une charte qui désigne déjà la solution.",
    "A scope so wide the project never ends: one process, one Y.":
        "Un périmètre si large que le projet ne finit jamais : un processus, un Y.",
    "A goal without a baseline.":
        "Un objectif sans valeur de référence.",
    "Paint line scrap from 4.2 % to 2 % by end of Q3, worth 180 k€ a year; in scope: pre-treatment to curing on line 2; out: powder supplier change.":
        "Rebut de la ligne de peinture de 4,2 % à 2 % d'ici fin T3, soit 180 k€ par an ; périmètre : du "
        "prétraitement à la cuisson sur la ligne 2 ; hors périmètre : le changement de fournisseur de "
        "poudre.",
    "Define the Y precisely, check the measurement system, and measure the baseline.":
        "Définissez précisément le Y, vérifiez le système de mesure et mesurez la situation de référence.",
    "How exactly is the Y measured? Would two people count the same?":
        "Comment le Y est-il mesuré exactement ? Deux personnes compteraient-elles la même chose ?",
    "Can we trust the gauge (R&R, attribute agreement)?":
        "Peut-on se fier au moyen de mesure (R&R, concordance par attributs) ?",
    "What is the baseline, over how long, stratified by what?":
        "Quelle est la référence, sur quelle durée, stratifiée selon quoi ?",
    "Analysing data from a measurement system nobody checked.":
        "Analyser des données issues d'un système de mesure que personne n'a vérifié.",
    "A baseline over a few days that hides the variation.":
        "Une référence sur quelques jours, qui masque la variabilité.",
    "Y: scrap rate (rejected parts ÷ parts painted, daily, final inspection); attribute agreement 92 % after defect catalogue; baseline 4.2 % over 8 weeks.":
        "Y : taux de rebut (pièces rebutées ÷ pièces peintes, par jour, au contrôle final) ; concordance "
        "par attributs de 92 % après la mise à jour du catalogue des défauts ; référence 4,2 % sur 8 semaines.",
    "Find which causes (Xs) drive the Y, and verify them with data.":
        "Trouvez quelles causes (les X) font varier le Y, et vérifiez-les par les données.",
    "Which Xs could move the Y (fishbone, process map)? Which do the data confirm?":
        "Quels X pourraient faire bouger le Y (Ishikawa, cartographie du processus) ? Lesquels les "
        "données confirment-elles ?",
    "Is the effect significant, and how large?":
        "L'effet est-il significatif, et de quelle ampleur ?",
    "Confirming the team's favourite cause without testing the others.":
        "Confirmer la cause favorite de l'équipe sans tester les autres.",
    "Correlation taken for causation: confirm with a trial.":
        "Prendre une corrélation pour une causalité : confirmez par un essai.",
    "Pareto: 61 % of scrap is craters; craters rise with the oven's zone-2 humidity (regression, R² 0.71); verified by a trial with the dryer on.":
        "Pareto : 61 % du rebut vient des cratères ; les cratères augmentent avec l'humidité de la zone 2 "
        "du four (régression, R² 0,71) ; vérifié par un essai avec le sécheur en marche.",
    "no root cause verified with data yet: which Xs do the data show move the Y?":
        "aucune cause racine vérifiée par les données pour l'instant : d'après les données, quels X font "
        "bouger le Y ?",
    "Choose solutions for the verified causes, review their risks, pilot them and measure the result.":
        "Choisissez des solutions pour les causes vérifiées, analysez leurs risques, essayez-les en "
        "pilote et mesurez le résultat.",
    "Which solutions act on the verified Xs? Which is cheapest to try?":
        "Quelles solutions agissent sur les X vérifiés ? Laquelle est la moins chère à essayer ?",
    "What could go wrong with the change?":
        "Qu'est-ce qui pourrait mal tourner avec ce changement ?",
    "What did the pilot show on the Y?":
        "Qu'a montré l'essai pilote sur le Y ?",
    "Rolling out without a pilot.":
        "Déployer sans essai pilote.",
    "Solutions for causes that were not verified.":
        "Des solutions pour des causes non vérifiées.",
    "Compressed-air dryer on the zone-2 blower, piloted 3 weeks on line 2: scrap 1.8 %; risk review: dryer failure alarm added.":
        "Sécheur d'air comprimé sur la soufflante de la zone 2, essayé 3 semaines sur la ligne 2 : rebut "
        "1,8 % ; analyse des risques : alarme de défaut du sécheur ajoutée.",
    "Hold the gain: control plan, standard work, training, and hand-off to the process owner.":
        "Pérennisez le gain : plan de surveillance, standard de travail, formation et passation au pilote "
        "du processus.",
    "What will tell the process owner the gain is slipping, and what do they do then?":
        "Qu'est-ce qui signalera au pilote du processus que le gain s'érode, et que fait-il alors ?",
    "Who was trained? Which documents changed?":
        "Qui a été formé ? Quels documents ont changé ?",
    "What did we learn for the next project?":
        "Qu'avons-nous appris pour le prochain projet ?",
    "Handing off without a reaction plan.":
        "Passer la main sans plan de réaction.",
    "Closing before the Y has held for long enough.":
        "Clore avant que le Y ne se soit maintenu assez longtemps.",
    "Daily scrap chart at the line with a 2.5 % reaction limit; dryer check on the start-up checklist; 14 painters trained; owner: paint line supervisor.":
        "Carte de suivi quotidienne du rebut à la ligne, avec une limite de réaction à 2,5 % ; contrôle du "
        "sécheur sur la check-list de démarrage ; 14 peintres formés ; pilote : le chef d'atelier "
        "peinture.",
    # ------------------------------------------------------------ methods/eight_d.py
    "D0":
        "D0",
    "D1":
        "D1",
    "D2":
        "D2",
    "D3":
        "D3",
    "D4":
        "D4",
    "D5":
        "D5",
    "D6":
        "D6",
    "D7":
        "D7",
    "D8":
        "D8",
    "Symptom":
        "Symptôme",
    "what was seen, by whom, and who is affected (customer, line, people)":
        "ce qui a été constaté, par qui, et qui est touché (client, ligne, personnes)",
    "Emergency response":
        "Actions immédiates",
    "what was done at once to protect the customer and people: stop shipments, quarantine, inform":
        "ce qui a été fait tout de suite pour protéger le client et les personnes : arrêt des "
        "expéditions, mise en quarantaine, information",
    "Why an 8D":
        "Pourquoi un 8D",
    "severity, customer requirement, recurrence, cost, safety or regulatory impact":
        "gravité, exigence client, récurrence, coût, impact sécurité ou réglementaire",
    "Is an 8D warranted?":
        "Un 8D est-il justifié ?",
    "yes or no, and who decided":
        "oui ou non, et qui a décidé",
    "Meetings":
        "Réunions",
    "when and where the team meets, how long":
        "quand et où l'équipe se réunit, pour combien de temps",
    "Requirement not met":
        "Exigence non satisfaite",
    "the drawing, specification, contract clause or regulation the problem departs from":
        "le plan, la spécification, la clause du contrat ou la réglementation dont le problème s'écarte",
    "the problem in one sentence, from the customer's view":
        "le problème en une phrase, du point de vue du client",
    "Where suspect product can be":
        "Où peuvent se trouver les produits suspects",
    "in process, in stock, in transit, at the customer, in spare parts: quantities at each place":
        "en cours de fabrication, en stock, en transit, chez le client, en pièces de rechange : les "
        "quantités à chaque endroit",
    "Clean point":
        "Point de coupure",
    "the first good part or lot after containment, and how it is marked":
        "la première pièce ou le premier lot bon après la sécurisation, et comment il est identifié",
    "How the root causes were verified":
        "Comment les causes racines ont été vérifiées",
    "tests, trials, data: how each root cause was turned on and off":
        "tests, essais, données : comment on a fait apparaître puis disparaître le défaut avec chaque "
        "cause racine",
    "Why these actions":
        "Pourquoi ces actions",
    "alternatives considered, risks of the change, validation planned before going live":
        "solutions envisagées, risques du changement, validation prévue avant la mise en production",
    "Implementation":
        "Mise en œuvre",
    "what was changed, when, from which part or lot":
        "ce qui a été changé, quand, à partir de quelle pièce ou de quel lot",
    "Containment removed":
        "Levée de la sécurisation",
    "when the sorting or extra checks were stopped, and on what evidence":
        "quand le tri ou les contrôles renforcés ont été arrêtés, et sur quelle preuve",
    "Validation":
        "Validation",
    "the data that show the problem is gone (e.g. '0 defects on 4,200 parts since week 12')":
        "les données qui montrent que le problème a disparu (par ex. « 0 défaut sur 4 200 pièces depuis "
        "la semaine 12 »)",
    "Standards and procedures updated":
        "Standards et procédures mis à jour",
    "work instructions, procedures, drawings: reference and revision":
        "instructions de travail, procédures, plans : référence et indice",
    "FMEA updated":
        "AMDEC mise à jour",
    "the failure mode, its causes and controls, new ratings":
        "le mode de défaillance, ses causes et ses moyens de maîtrise, les nouvelles cotations",
    "Control plan updated":
        "Plan de surveillance mis à jour",
    "the new or changed controls, frequency, reaction plan":
        "les contrôles nouveaux ou modifiés, leur fréquence, le plan de réaction",
    "Similar products and processes":
        "Produits et processus similaires",
    "where else the same cause can act (other parts, lines, sites) and what was done there":
        "où la même cause peut agir ailleurs (autres pièces, lignes, sites) et ce qui y a été fait",
    "what the organisation learned, where it is recorded and who was told":
        "ce que l'organisation a appris, où c'est consigné et qui en a été informé",
    "Team recognition":
        "Reconnaissance de l'équipe",
    "how the team's work was recognised, and by whom":
        "comment le travail de l'équipe a été reconnu, et par qui",
    "Closure summary":
        "Bilan de clôture",
    "what was achieved, what is left to watch":
        "ce qui a été obtenu, ce qui reste à surveiller",
    "the team decided an 8D is not warranted: close the case, or treat it with a 5 Whys":
        "l'équipe a décidé qu'un 8D n'est pas justifié : clôturez l'analyse, ou traitez-la avec un 5 "
        "pourquoi",
    "'Is an 8D warranted?' says '{text}': answer yes or no, then who decided":
        "« Un 8D est-il justifié ? » indique « {text} » : répondez oui ou non, puis qui a décidé",
    "{cause} is a root cause without a path: say whether it explains the occurrence, the non-detection or the system":
        "{cause} est une cause racine sans axe : dites si elle explique l'apparition, la non-détection ou "
        "le système",
    "{count} action(s) still open ({ids}): close them, or hand them over with an owner before closing the 8D":
        "{count} action(s) encore ouverte(s) ({ids}) : soldez-les, ou confiez-les à un pilote avant de "
        "clore le 8D",
    "8D":
        "8D",
    "The eight disciplines, for a customer complaint or a serious non-conformity: contain, find the occurrence and non-detection root causes, correct, prevent recurrence.":
        "Les huit disciplines, pour une réclamation client ou une non-conformité grave : sécuriser, "
        "trouver les causes racines d'apparition et de non-détection, corriger, prévenir la récidive.",
    "D0 Prepare":
        "D0 Préparer",
    "Protect the customer and people at once, and decide whether the problem warrants an 8D.":
        "Protégez tout de suite le client et les personnes, et décidez si le problème justifie un 8D.",
    "Is anyone at risk, is product still shipping? What did we do in the first hours?":
        "Quelqu'un est-il en danger, des produits partent-ils encore ? Qu'avons-nous fait dans les "
        "premières heures ?",
    "Does the customer require an 8D report, and by when (often 24 h for D3, 10 days for D4-D5)?":
        "Le client exige-t-il un rapport 8D, et pour quand (souvent 24 h pour le D3, 10 jours pour les "
        "D4-D5) ?",
    "Is it new, or has it happened before? How severe: safety, regulatory, line stop?":
        "Est-ce nouveau, ou est-ce déjà arrivé ? Quelle gravité : sécurité, réglementaire, arrêt de "
        "ligne ?",
    "Opening an 8D for every small deviation: a 5 Whys is often enough.":
        "Ouvrir un 8D pour chaque petit écart : un 5 pourquoi suffit souvent.",
    "Starting the analysis before the customer is protected.":
        "Commencer l'analyse avant que le client soit protégé.",
    "Customer line stopped on 3 housings with bore out of tolerance. Shipments stopped, stock quarantined, customer quality informed at 16:00. Customer requires an 8D: yes, decided by the plant manager.":
        "Ligne du client arrêtée sur 3 carters à l'alésage hors tolérance. Expéditions stoppées, stock "
        "mis en quarantaine, service qualité du client informé à 16 h. Le client exige un 8D : oui, "
        "décidé par le directeur d'usine.",
    "D1 Team":
        "D1 Constituer l'équipe",
    "Form a small cross-functional team with a champion who sponsors it and a leader who drives it.":
        "Constituez une petite équipe pluridisciplinaire, avec un sponsor qui la soutient et un pilote "
        "qui la mène.",
    "Who knows the product and the process: production, quality, engineering, maintenance?":
        "Qui connaît le produit et le processus : production, qualité, bureau d'études, maintenance ?",
    "Who sponsors the work and can release resources (the champion)?":
        "Qui soutient la démarche et peut débloquer des moyens (le sponsor) ?",
    "Who was there when it happened? Bring the operator of the station.":
        "Qui était là quand c'est arrivé ? Faites venir l'opérateur du poste.",
    "A quality-only team: the people who run the process must be in it.":
        "Une équipe 100 % qualité : ceux qui font tourner le processus doivent en faire partie.",
    "A team of ten: 4 to 6 people who can act.":
        "Une équipe de dix : mieux vaut 4 à 6 personnes qui peuvent agir.",
    "Champion: plant manager. Leader: quality engineer. Members: machining team leader, CNC setter, metrology technician, methods engineer.":
        "Sponsor : directeur d'usine. Pilote : ingénieur qualité. Membres : chef d'équipe usinage, "
        "régleur CN, technicien métrologie, ingénieur méthodes.",
    "D2 Describe the problem":
        "D2 Décrire le problème",
    "Describe the problem with facts and numbers: 5W2H, and IS / IS NOT to narrow it down.":
        "Décrivez le problème avec des faits et des chiffres : QQOQCCP, et EST / N'EST PAS pour le cerner.",
    "What exactly is wrong, against which requirement? Show the part, the measurement.":
        "Qu'est-ce qui ne va pas exactement, par rapport à quelle exigence ? Montrez la pièce, la mesure.",
    "Where and when is it seen, and where and when is it not, although it could be?":
        "Où et quand le constate-t-on, et où et quand ne le constate-t-on pas, alors que ce serait "
        "possible ?",
    "How many: parts affected, ppm, lots, euros?":
        "Combien : pièces touchées, ppm, lots, euros ?",
    "What is different between IS and IS NOT? That difference points to the cause.":
        "Qu'est-ce qui diffère entre le EST et le N'EST PAS ? Cette différence pointe vers la cause.",
    "Describing a cause or a solution in D2.":
        "Décrire une cause ou une solution en D2.",
    "Vague quantities ('several parts'): count them.":
        "Des quantités floues (« plusieurs pièces ») : comptez-les.",
    "Skipping IS NOT: it is the cheapest way to rule causes out.":
        "Sauter le N'EST PAS : c'est le moyen le moins cher d'écarter des causes.",
    "Housing H-220: bore Ø52 H7 measured 52.041 mm (max 52.030) on 37 of 1,200 parts delivered in week 12; IS: lathe L2, night shift; IS NOT: lathe L1, same program.":
        "Carter H-220 : alésage Ø52 H7 mesuré à 52,041 mm (max 52,030) sur 37 des 1 200 pièces livrées "
        "en semaine 12 ; EST : tour L2, équipe de nuit ; N'EST PAS : tour L1, même programme.",
    "D3 Contain":
        "D3 Mettre en place les actions de sécurisation",
    "Protect the customer until the permanent fix is in place: find every suspect part and make sure none gets through.":
        "Protégez le client jusqu'à la mise en place de la solution définitive : retrouvez toutes les "
        "pièces suspectes et assurez-vous qu'aucune ne passe.",
    "Where can suspect parts be: at the customer, in transit, in our stock, in process, in spare parts?":
        "Où peuvent se trouver des pièces suspectes : chez le client, en transit, dans notre stock, en "
        "cours de fabrication, en pièces de rechange ?",
    "How do we sort them, with which gauge, by whom? How do we mark good parts?":
        "Comment les trier, avec quel calibre, par qui ? Comment identifier les pièces bonnes ?",
    "How do we know the containment works? (no defect found downstream of it)":
        "Comment savoir que la sécurisation fonctionne ? (aucun défaut trouvé en aval)",
    "Forgetting parts in transit or at the customer's warehouse.":
        "Oublier les pièces en transit ou dans l'entrepôt du client.",
    "Sorting with the same control that let the defect through.":
        "Trier avec le même contrôle que celui qui a laissé passer le défaut.",
    "Treating containment as the fix: it costs every day until D6.":
        "Prendre la sécurisation pour la solution : elle coûte chaque jour jusqu'au D6.",
    "100 % bore check with go/no-go gauge at the customer (1,200 parts) and in our stock (800 parts): 37 rejected, good parts marked with a green dot; clean point: lot 2412-07.":
        "Contrôle à 100 % de l'alésage au tampon entre / n'entre pas chez le client (1 200 pièces) et dans "
        "notre stock (800 pièces) : 37 rebutées, pièces bonnes marquées d'une pastille verte ; point de "
        "coupure : lot 2412-07.",
    "no containment action: how do we protect the customer now (sort, quarantine, 100 % check)?":
        "aucune action de sécurisation : comment protégeons-nous le client dès maintenant (tri, "
        "quarantaine, contrôle à 100 %) ?",
    "D4 Root causes":
        "D4 Identifier les causes racines",
    "Find and verify why the defect occurred and why it was not detected, and why the system allowed both.":
        "Trouvez et vérifiez pourquoi le défaut est apparu, pourquoi il n'a pas été détecté, et pourquoi "
        "le système a permis les deux.",
    "Why did it happen (occurrence)? Can we reproduce it: turn the cause on and off?":
        "Pourquoi est-ce arrivé (apparition) ? Peut-on le reproduire : faire apparaître puis disparaître "
        "le défaut en agissant sur la cause ?",
    "Why did our controls not catch it (non-detection)? Where should it have been detected?":
        "Pourquoi nos contrôles ne l'ont-ils pas arrêté (non-détection) ? Où aurait-il dû être détecté ?",
    "Why did our system allow it (systemic): FMEA, control plan, design review, training?":
        "Pourquoi notre système l'a-t-il permis (cause systémique) : AMDEC, plan de surveillance, revue de "
        "conception, formation ?",
    "Does each root cause explain the IS and the IS NOT of D2?":
        "Chaque cause racine explique-t-elle le EST et le N'EST PAS du D2 ?",
    "Only one leg: a fixed occurrence without a fixed detection lets the next defect out.":
        "Un seul axe : corriger l'apparition sans corriger la détection laisse partir le prochain défaut.",
    "'Operator error' as a root cause: ask why the process allowed it.":
        "« Erreur de l'opérateur » comme cause racine : demandez pourquoi le processus l'a permise.",
    "Root causes nobody verified with data.":
        "Des causes racines que personne n'a vérifiées par des données.",
    "Occurrence: tool wear offset not updated after the insert change on night shift (reproduced on L2). Non-detection: bore measured 1 part in 50 with a caliper, resolution 0.02 mm. Systemic: PFMEA rated bore detection 3 without a gauge study.":
        "Apparition : correcteur d'usure d'outil non mis à jour après le changement de plaquette en équipe "
        "de nuit (reproduit sur L2). Non-détection : alésage mesuré sur 1 pièce sur 50 au pied à "
        "coulisse, résolution 0,02 mm. Systémique : l'AMDEC processus cotait la détection de l'alésage "
        "à 3 sans étude du moyen de mesure.",
    "no verified occurrence root cause yet: why did the defect happen? Verify it with data (reproduce it)":
        "aucune cause racine d'apparition vérifiée pour l'instant : pourquoi le défaut est-il apparu ? "
        "Vérifiez-la par des données (reproduisez le défaut)",
    "no verified non-detection root cause yet: why did our controls not catch it?":
        "aucune cause racine de non-détection vérifiée pour l'instant : pourquoi nos contrôles ne l'ont-ils "
        "pas arrêté ?",
    "no systemic root cause: why did our system (FMEA, control plan, design review) allow it? Optional, but that is where recurrence is prevented":
        "aucune cause racine systémique : pourquoi notre système (AMDEC, plan de surveillance, revue de "
        "conception) l'a-t-il permis ? Facultatif, mais c'est là qu'on empêche la récidive",
    "D5 Choose corrective actions":
        "D5 Choisir les actions correctives",
    "Choose a permanent corrective action for each root cause, and decide how its effectiveness will be checked.":
        "Choisissez une action corrective définitive pour chaque cause racine, et décidez comment son "
        "efficacité sera vérifiée.",
    "What change removes each root cause for good, or makes the defect detected at once?":
        "Quel changement supprime définitivement chaque cause racine, ou fait détecter le défaut "
        "immédiatement ?",
    "Could the action create another problem? What do we validate before going live?":
        "L'action pourrait-elle créer un autre problème ? Que validons-nous avant la mise en production ?",
    "What result, by when, will prove it worked?":
        "Quel résultat, pour quand, prouvera qu'elle a marché ?",
    "Keeping the containment as the corrective action (100 % inspection for ever).":
        "Garder la sécurisation comme action corrective (contrôle à 100 % pour toujours).",
    "'Retrain' or 'raise awareness' as the only action.":
        "« Reformer » ou « sensibiliser » comme seule action.",
    "No effectiveness criterion: nobody will know whether it worked.":
        "Pas de critère d'efficacité : personne ne saura si l'action a marché.",
    "Automatic tool-wear compensation from in-process probing on L2; criterion: Cpk of the bore ≥ 1.67 on 125 parts and zero customer returns for 3 months.":
        "Compensation automatique de l'usure d'outil par palpage en cours d'usinage sur L2 ; critère : "
        "Cpk de l'alésage ≥ 1,67 sur 125 pièces et zéro retour client pendant 3 mois.",
    "D6 Implement and validate":
        "D6 Mettre en œuvre et valider",
    "Implement the corrective actions, lift the containment, and validate with data that the problem is gone.":
        "Mettez en œuvre les actions correctives, levez la sécurisation, et validez par les données que "
        "le problème a disparu.",
    "Is every corrective action done, from which part or lot?":
        "Chaque action corrective est-elle réalisée, à partir de quelle pièce ou de quel lot ?",
    "What do the data say since: defects, Cpk, returns?":
        "Que disent les données depuis : défauts, Cpk, retours ?",
    "When can the containment stop, and who decides?":
        "Quand peut-on arrêter la sécurisation, et qui décide ?",
    "Lifting the containment before the effectiveness is proven.":
        "Lever la sécurisation avant que l'efficacité soit prouvée.",
    "Declaring success on too few parts or too short a time.":
        "Crier victoire sur trop peu de pièces ou trop peu de temps.",
    "Probing live on L2 from lot 2415-02; Cpk 2.1 on 125 parts; sorting at the customer stopped on 30 April with the customer's agreement after 3 clean lots.":
        "Palpage en service sur L2 à partir du lot 2415-02 ; Cpk 2,1 sur 125 pièces ; tri chez le client "
        "arrêté le 30 avril avec l'accord du client, après 3 lots sans défaut.",
    "D7 Prevent recurrence":
        "D7 Prévenir la récidive",
    "Make the fix part of the system: standards, FMEA, control plan, similar products and processes, lessons learned.":
        "Inscrivez la solution dans le système : standards, AMDEC, plan de surveillance, produits et "
        "processus similaires, retour d'expérience.",
    "Which documents change: work instructions, PFMEA, control plan, drawings?":
        "Quels documents changent : instructions de travail, AMDEC processus, plan de surveillance, plans ?",
    "Where else could the same cause act: other parts, lines, sites? (read-across)":
        "Où la même cause pourrait-elle agir ailleurs : autres pièces, lignes, sites ? (généralisation)",
    "What did we learn as an organisation, and who needs to know?":
        "Qu'avons-nous appris en tant qu'organisation, et qui doit le savoir ?",
    "Fixing one machine and leaving the twin machine as it was.":
        "Corriger une machine et laisser la machine jumelle en l'état.",
    "Lessons learned written and filed where nobody reads them.":
        "Un retour d'expérience rédigé puis classé là où personne ne le lit.",
    "PFMEA rev. F: detection 3 → 7 after probing; control plan CP-220 rev. D; the same compensation rolled out to lathes L1 and L4; lesson presented at the weekly quality meeting of both plants.":
        "AMDEC processus indice F : détection 3 → 7 après palpage ; plan de surveillance CP-220 indice D ; "
        "la même compensation déployée sur les tours L1 et L4 ; retour d'expérience présenté à la réunion "
        "qualité hebdomadaire des deux usines.",
    "no preventive action: which similar products, lines or sites get the same fix?":
        "aucune action préventive : quels produits, lignes ou sites similaires reçoivent la même solution ?",
    "D8 Recognise and close":
        "D8 Féliciter l'équipe et clore",
    "Recognise the team's work and close the 8D with the champion's sign-off.":
        "Reconnaissez le travail de l'équipe et clôturez le 8D avec la validation du sponsor.",
    "What did the team achieve? Who should hear about it?":
        "Qu'a obtenu l'équipe ? Qui doit le savoir ?",
    "Is anything left open, and who owns it now?":
        "Reste-t-il quelque chose d'ouvert, et qui le pilote désormais ?",
    "Closing without the champion: the sign-off is the management's commitment.":
        "Clore sans le sponsor : sa validation, c'est l'engagement de la direction.",
    "Forgetting to thank the people on the shop floor who found the cause.":
        "Oublier de remercier les personnes de l'atelier qui ont trouvé la cause.",
    "Presented at the plant meeting on 12 May by the champion; customer accepted the 8D report; team lunch.":
        "Présenté par le sponsor à la réunion d'usine du 12 mai ; rapport 8D accepté par le client ; "
        "déjeuner d'équipe.",
    # ------------------------------------------------------------ methods/five_whys.py
    "therefore {effect}":
        "donc {effect}",
    ", ":
        ", ",
    "the {path} leg is empty: ask the why-chain for it too":
        "l'axe « {path} » est vide : déroulez aussi la chaîne des pourquoi pour cet axe",
    "the {path} leg has no root cause of its own yet":
        "l'axe « {path} » n'a pas encore de cause racine propre",
    "the {path} leg has a root cause but no countermeasure":
        "l'axe « {path} » a une cause racine mais pas de contre-mesure",
    "no cause yet: ask the room 'why did this happen?' and write the first answer under the problem":
        "aucune cause pour l'instant : demandez à la salle « pourquoi est-ce arrivé ? » et notez la "
        "première réponse sous le problème",
    "no root cause marked: when a 'why' reaches a cause in your process that you can act on, mark it as the root cause":
        "aucune cause racine marquée : quand un « pourquoi » atteint une cause de votre processus sur "
        "laquelle vous pouvez agir, marquez-la comme cause racine",
    "{cause} ends a chain without a root cause: ask 'why?' again, mark it as a root cause, or reject it with evidence":
        "{cause} termine une chaîne sans cause racine : redemandez « pourquoi ? », marquez-la comme cause "
        "racine, ou écartez-la preuve à l'appui",
    "{cause} stops at a person: ask why the process let a trained person make this mistake (no poka-yoke? unclear standard? time pressure? a trap in the design?)":
        "{cause} s'arrête à une personne : demandez pourquoi le processus a laissé une personne formée "
        "commettre cette erreur (pas de détrompeur ? standard flou ? pression du temps ? piège dans la "
        "conception ?)",
    "{cause} stops at something outside your control: ask why our process let it through (specification, incoming inspection, supplier selection, protection)":
        "{cause} s'arrête à quelque chose hors de votre maîtrise : demandez pourquoi notre processus l'a "
        "laissé passer (spécification, contrôle à réception, choix du fournisseur, protection)",
    "the chain down to {cause} is {depth} whys deep without a root cause: past {limit} you are usually in generalities (budget, human nature); step back to the last cause you can act on":
        "la chaîne jusqu'à {cause} compte {depth} pourquoi sans cause racine : au-delà de {limit}, on "
        "tombe en général dans les généralités (budget, nature humaine) ; revenez à la dernière cause sur "
        "laquelle vous pouvez agir",
    "{cause} hangs under {rejected}, which was rejected: the chain no longer holds; move the root cause under what really happened, or reject it":
        "{cause} est rattachée à {rejected}, qui a été écartée : la chaîne ne tient plus ; déplacez la "
        "cause racine sous ce qui s'est réellement passé, ou écartez-la",
    "Whys":
        "Pourquoi",
    "Verify":
        "Vérifier",
    "Act":
        "Agir",
    "Check":
        "Vérification",
    "The standard: what should happen":
        "Le standard : ce qui devrait se passer",
    "the requirement, target or normal condition the problem departs from":
        "l'exigence, la cible ou la situation normale dont le problème s'écarte",
    "What we saw on the spot":
        "Ce que nous avons vu sur place",
    "what the team saw at the gemba: the part, the machine, the records":
        "ce que l'équipe a vu sur le terrain : la pièce, la machine, les enregistrements",
    "Read-back":
        "Relecture",
    "each chain read back from the root cause with 'therefore': what did not follow?":
        "chaque chaîne relue depuis la cause racine avec « donc » : qu'est-ce qui ne s'enchaînait pas ?",
    "Result since the actions":
        "Résultat depuis les actions",
    "what the data show since the actions: has the problem come back?":
        "ce que montrent les données depuis les actions : le problème est-il revenu ?",
    "Where else it applies":
        "Où cela s'applique aussi",
    "other lines, machines, sites where the same cause could act (read-across)":
        "autres lignes, machines, sites où la même cause pourrait agir (généralisation)",
    "5 Whys":
        "5 pourquoi",
    "A quick, focused analysis for a well-defined problem with a likely single chain of causes.":
        "Une analyse rapide et ciblée, pour un problème bien défini dont les causes forment probablement "
        "une seule chaîne.",
    "Define the problem":
        "Définir le problème",
    "Agree on one problem, stated as a fact: what happened, where, when, how much; not a cause, not a solution.":
        "Mettez-vous d'accord sur un seul problème, énoncé comme un fait : ce qui s'est passé, où, quand, "
        "combien ; ni une cause, ni une solution.",
    "What exactly did we see, and where? Can we go and look at it: the part, the machine, the record?":
        "Qu'avons-nous vu exactement, et où ? Pouvons-nous aller le voir : la pièce, la machine, "
        "l'enregistrement ?",
    "What should have happened: what is the standard?":
        "Que devait-il se passer : quel est le standard ?",
    "When did it start, and how often since?":
        "Quand cela a-t-il commencé, et à quelle fréquence depuis ?",
    "How many, how much: parts, minutes of downtime, euros?":
        "Combien : pièces, minutes d'arrêt, euros ?",
    "Starting from a cause ('the sensor is faulty') instead of the effect ('conveyor C2 stopped 3 times on night shift').":
        "Partir d'une cause (« le capteur est défectueux ») au lieu de l'effet (« le convoyeur C2 s'est "
        "arrêté 3 fois en équipe de nuit »).",
    "A vague problem ('quality issues') gives vague whys.":
        "Un problème flou (« des soucis de qualité ») donne des pourquoi flous.",
    "Putting the solution in the problem ('we need a new supplier').":
        "Mettre la solution dans le problème (« il nous faut un nouveau fournisseur »).",
    "Working in the meeting room when the evidence is on the shop floor.":
        "Travailler en salle de réunion alors que les preuves sont sur le terrain.",
    "Conveyor C2 (packing line 1) stopped 3 times on the night shift of 12 March, 95 min of downtime; fuse F3 blew each time. Standard: C2 runs a whole shift without stop.":
        "Le convoyeur C2 (ligne de conditionnement 1) s'est arrêté 3 fois pendant l'équipe de nuit du "
        "12 mars, 95 min d'arrêt ; le fusible F3 a sauté à chaque fois. Standard : C2 tourne une équipe "
        "entière sans arrêt.",
    "Ask why":
        "Demander pourquoi",
    "Ask 'why?' from the problem down, one cause at a time, until a cause in your process you can act on; branch wherever there is more than one answer.":
        "Demandez « pourquoi ? » en partant du problème, une cause à la fois, jusqu'à une cause de votre "
        "processus sur laquelle vous pouvez agir ; ouvrez une branche chaque fois qu'il y a plus d'une "
        "réponse.",
    "Why did that happen? What made it possible?":
        "Pourquoi est-ce arrivé ? Qu'est-ce qui l'a rendu possible ?",
    "Is that a fact we saw, or a guess? Guesses stay hypotheses until verified.":
        "Est-ce un fait constaté, ou une supposition ? Les suppositions restent des hypothèses tant "
        "qu'elles ne sont pas vérifiées.",
    "Is there another reason? Add it as a sibling branch.":
        "Y a-t-il une autre raison ? Ajoutez-la comme branche sœur.",
    "If we removed this cause, would the problem stop? If not, ask why again.":
        "Si nous supprimions cette cause, le problème cesserait-il ? Sinon, redemandez pourquoi.",
    "Why did our checks not catch it? Why did our system allow it? (the other two legs)":
        "Pourquoi nos contrôles ne l'ont-ils pas détecté ? Pourquoi notre système l'a-t-il permis ? (les "
        "deux autres axes)",
    "Stopping at a person ('operator error'): ask why the process let a normal person make that mistake.":
        "S'arrêter à une personne (« erreur de l'opérateur ») : demandez pourquoi le processus a laissé "
        "une personne normale commettre cette erreur.",
    "Stopping at something outside your control ('the supplier'): ask why our process accepted it.":
        "S'arrêter à quelque chose hors de votre maîtrise (« le fournisseur ») : demandez pourquoi notre "
        "processus l'a accepté.",
    "Writing down the answer everyone had before the meeting, without the facts.":
        "Noter la réponse que tout le monde avait en tête avant la réunion, sans les faits.",
    "Following one chain when the facts show several causes.":
        "Suivre une seule chaîne quand les faits montrent plusieurs causes.",
    "Going so deep the chain ends in 'budget' or 'human nature': stop at the last cause you can act on.":
        "Descendre si loin que la chaîne finit sur « le budget » ou « la nature humaine » : arrêtez-vous "
        "à la dernière cause sur laquelle vous pouvez agir.",
    "Why did F3 blow? The motor drew twice its rated current. Why? The drive roller bearing had seized. Why? It was not greased for 8 months. Why? C2 is not on the lubrication route since it was moved in January. Why? Moving equipment does not trigger an update of the maintenance plan (root cause).":
        "Pourquoi F3 a-t-il sauté ? Le moteur tirait deux fois son courant nominal. Pourquoi ? Le "
        "roulement du rouleau d'entraînement avait grippé. Pourquoi ? Il n'avait pas été graissé depuis "
        "8 mois. Pourquoi ? C2 n'est plus sur la tournée de graissage depuis son déplacement en janvier. "
        "Pourquoi ? Déplacer un équipement ne déclenche pas la mise à jour du plan de maintenance (cause "
        "racine).",
    "Verify the root causes":
        "Vérifier les causes racines",
    "Check each root cause against facts, and read each chain back with 'therefore' to test its logic.":
        "Confrontez chaque cause racine aux faits, et relisez chaque chaîne avec « donc » pour en tester "
        "la logique.",
    "What data or observation proves this cause? Can we switch it on and off: reproduce the failure, remove the cause and see?":
        "Quelle donnée ou quelle observation prouve cette cause ? Peut-on la provoquer puis la supprimer : "
        "reproduire la panne, retirer la cause et voir ?",
    "Read the chain from the root back to the problem with 'therefore': does every step follow?":
        "Relisez la chaîne de la racine jusqu'au problème avec « donc » : chaque étape découle-t-elle de "
        "la précédente ?",
    "Does the root cause explain every occurrence, and why it did not happen elsewhere?":
        "La cause racine explique-t-elle chaque occurrence, et pourquoi ce n'est pas arrivé ailleurs ?",
    "Marking a cause verified because the most senior person agrees.":
        "Marquer une cause vérifiée parce que le plus ancien ou le plus gradé est d'accord.",
    "Evidence that shows the cause is possible, not that it happened.":
        "Une preuve qui montre que la cause est possible, pas qu'elle s'est produite.",
    "Deleting the causes that were ruled out: reject them with evidence, so the next team does not investigate them again.":
        "Supprimer les causes écartées : écartez-les preuve à l'appui, pour que l'équipe suivante ne les "
        "réexamine pas.",
    "Verified: the maintenance plan (rev. 12) has no lubrication route for C2 since the move on 15 January; the bearing was found dry at teardown (photo in work order WO-4471).":
        "Vérifiée : le plan de maintenance (indice 12) ne prévoit plus de graissage de C2 depuis le "
        "déplacement du 15 janvier ; le roulement a été trouvé sec au démontage (photo dans l'ordre de "
        "travail WO-4471).",
    "no verified root cause yet: check the root causes against facts before acting on them":
        "aucune cause racine vérifiée pour l'instant : confrontez les causes racines aux faits avant "
        "d'agir",
    "Act on the root causes":
        "Agir sur les causes racines",
    "Put an action on each verified root cause, with an owner, a deliverable and a due date.":
        "Mettez une action en face de chaque cause racine vérifiée, avec un pilote, un livrable et une "
        "échéance.",
    "What change in the process makes this cause impossible, or at least detected at once?":
        "Quel changement du processus rend cette cause impossible, ou au moins détectée immédiatement ?",
    "Who owns it? By when? What will exist when it is done?":
        "Qui la pilote ? Pour quand ? Qu'est-ce qui existera une fois l'action réalisée ?",
    "Do we need a quick fix now and a permanent fix later? Record both.":
        "Faut-il une solution rapide maintenant et une solution définitive ensuite ? Enregistrez les deux.",
    "'Retrain the operator' or 'remind people' as the only action: awareness fades, change the process.":
        "« Reformer l'opérateur » ou « faire un rappel » comme seule action : la vigilance s'émousse, "
        "changez le processus.",
    "Actions without an owner or a date do not happen.":
        "Une action sans pilote ni date ne se fait pas.",
    "Treating the symptom (replace the fuse) instead of the root cause.":
        "Traiter le symptôme (changer le fusible) au lieu de la cause racine.",
    "Add 'update the maintenance routes' to the equipment move checklist. Owner: Karim Benali (maintenance); deliverable: checklist MOV-02 rev. C published; due in 2 weeks.":
        "Ajouter « mettre à jour les tournées de maintenance » à la check-list de déplacement "
        "d'équipement. Pilote : Karim Benali (maintenance) ; livrable : check-list MOV-02 indice C "
        "diffusée ; échéance dans 2 semaines.",
    "Check it worked":
        "Vérifier l'efficacité",
    "Check that the actions were done and worked: the problem does not come back.":
        "Vérifiez que les actions ont été réalisées et qu'elles ont marché : le problème ne revient pas.",
    "What will we measure to know it worked, and when?":
        "Que mesurerons-nous pour savoir si cela a marché, et quand ?",
    "Has the problem come back since? Look at the data, not at impressions.":
        "Le problème est-il revenu depuis ? Regardez les données, pas les impressions.",
    "If it did not work: which why was wrong?":
        "Si cela n'a pas marché : quel pourquoi était faux ?",
    "Closing when the action is done rather than when the result is seen.":
        "Clore quand l'action est réalisée plutôt que quand le résultat est constaté.",
    "Checking too early: leave enough time or volume for the problem to come back.":
        "Vérifier trop tôt : laissez assez de temps ou de volume pour que le problème ait l'occasion de "
        "revenir.",
    "An effectiveness criterion nobody can measure.":
        "Un critère d'efficacité que personne ne peut mesurer.",
    "Effective: no stop of C2 on fuse F3 in 8 weeks (downtime log), and the lubrication route lists C2 (checked at the audit of 3 May).":
        "Efficace : aucun arrêt de C2 sur le fusible F3 en 8 semaines (journal des arrêts), et la tournée "
        "de graissage inclut C2 (vérifié à l'audit du 3 mai).",
    "no corrective action to check: plan one in the Act step":
        "aucune action corrective à vérifier : planifiez-en une à l'étape « Agir »",
    # ------------------------------------------------------------ methods/ishikawa.py
    "Manpower":
        "Main-d'œuvre",
    "Machine":
        "Matériel",
    "Method":
        "Méthode",
    "Material":
        "Matière",
    "Measurement":
        "Mesure",
    "Environment (Mother Nature)":
        "Milieu",
    "Management":
        "Management",
    "Maintenance":
        "Maintenance",
    "Surroundings":
        "Environnement",
    "Suppliers":
        "Fournisseurs",
    "Systems":
        "Systèmes",
    "Skills":
        "Compétences",
    "Product":
        "Produit",
    "Price":
        "Prix",
    "Place":
        "Distribution",
    "Promotion":
        "Communication",
    "People":
        "Personnel",
    "Process":
        "Processus",
    "Physical evidence":
        "Preuves physiques",
    "Productivity and quality":
        "Productivité et qualité",
    "unknown category set '{name}'; try one of: {choices}, or add your own categories":
        "jeu de catégories « {name} » inconnu ; essayez l'un de ceux-ci : {choices}, ou ajoutez vos propres "
        "catégories",
    "Categories":
        "Arêtes",
    "Brainstorm":
        "Brainstorming",
    "Vote":
        "Vote",
    "'{text}' reads like a missing solution: put at the fish head the effect you observe (what, where, how much); the causes go on the bones":
        "« {text} » ressemble à une solution qui manque : mettez en tête de poisson l'effet que vous "
        "constatez (quoi, où, combien) ; les causes vont sur les arêtes",
    "the fishbone has {count} bone(s): apply a set (6M, 8M, 4S, 8P) or add your own, at least {minimum}, so no family of causes is forgotten":
        "le diagramme a {count} arête(s) : appliquez un jeu (6M, 8M, 4S, 8P) ou ajoutez les vôtres, au "
        "moins {minimum}, pour n'oublier aucune famille de causes",
    "{count} cause(s) so far: go round the bones again, at least {minimum} before judging any":
        "{count} cause(s) pour l'instant : refaites le tour des arêtes, au moins {minimum} avant d'en juger "
        "aucune",
    "causes on {count} bone(s) only: ask about the other bones (method, machine, measurement...) before narrowing down":
        "des causes sur {count} arête(s) seulement : interrogez la salle sur les autres arêtes (méthode, "
        "matériel, mesure…) avant de resserrer",
    "{bone} has no cause yet: ask the room once more":
        "{bone} n'a pas encore de cause : relancez la salle une fois de plus",
    "{count} cause(s) hang directly from the problem: put them on a bone":
        "{count} cause(s) rattachée(s) directement au problème : placez-les sur une arête",
    "no votes yet: give each participant {count} dots to place on the causes they think most likely":
        "aucun vote pour l'instant : donnez à chaque participant {count} gommettes à placer sur les causes "
        "qu'il juge les plus probables",
    "only {who} voted: a vote is the team's view, let everyone vote":
        "seul(e) {who} a voté : un vote exprime l'avis de l'équipe, faites voter tout le monde",
    "{who} placed {used} of {limit} dots":
        "{who} a placé {used} gommette(s) sur {limit}",
    "{cause} ({votes} votes) is not verified yet: go and check it with facts, then mark it verified or rejected":
        "{cause} ({votes} vote(s)) n'est pas encore vérifiée : allez la confronter aux faits, puis marquez-la "
        "vérifiée ou écartée",
    "{cause} is {status} without evidence: record what showed it":
        "{cause} est {status} sans preuve : consignez ce qui l'a montré",
    "Effect at the fish head":
        "Effet en tête de poisson",
    "the problem in a few words, as it will be written at the head of the fish":
        "le problème en quelques mots, tel qu'il sera écrit en tête du poisson",
    "How each cause is checked":
        "Comment chaque cause est vérifiée",
    "for each top-voted cause: what data, test or observation, by whom":
        "pour chaque cause parmi les plus votées : quelles données, quel essai ou quelle observation, par "
        "qui",
    "Ishikawa":
        "Ishikawa",
    "A team brainstorm of possible causes by family, then a vote and verification: for problems with many possible causes.":
        "Un brainstorming d'équipe des causes possibles par famille, puis un vote et une vérification : "
        "pour les problèmes aux nombreuses causes possibles.",
    "Define the effect":
        "Définir l'effet",
    "State the effect at the fish head: one specific problem, as a fact.":
        "Écrivez l'effet en tête de poisson : un problème précis, formulé comme un fait.",
    "What exactly happened, where and when? What should have happened?":
        "Que s'est-il passé exactement, où et quand ? Que devait-il se passer ?",
    "How big is it: how many events, parts, hours, euros?":
        "Quelle ampleur : combien d'événements, de pièces, d'heures, d'euros ?",
    "Who was there, who saw it? Are they in the room?":
        "Qui était là, qui l'a vu ? Ces personnes sont-elles dans la salle ?",
    "Writing a missing solution at the head ('lack of training'): that is a cause, or a guess.":
        "Écrire une solution qui manque en tête (« manque de formation ») : c'est une cause, ou une "
        "supposition.",
    "A head so broad ('safety in shipping') that every cause fits and none is tested.":
        "Une tête si large (« la sécurité à l'expédition ») que toutes les causes y entrent et qu'aucune "
        "n'est testée.",
    "Starting without the people who were there.":
        "Commencer sans les personnes qui étaient présentes.",
    "Near-miss on 3 March, 14:20, shipping dock 4: forklift FL-02, reversing out of aisle C, passed 1 m from a picker crossing on foot. No injury.":
        "Presque-accident le 3 mars à 14 h 20, quai d'expédition 4 : le chariot élévateur FL-02, sortant "
        "en marche arrière de l'allée C, est passé à 1 m d'un préparateur de commandes qui traversait à "
        "pied. Pas de blessé.",
    "Set up the bones":
        "Poser les arêtes",
    "Choose the families of causes: a standard set (6M for the shop floor, 8M with management and maintenance, 4S for services, 8P for marketing) or your own.":
        "Choisissez les familles de causes : un jeu standard (6M pour l'atelier, 8M avec le management et "
        "la maintenance, 4S pour les services, 8P pour le marketing) ou le vôtre.",
    "Which set fits this problem? Shop floor: 6M or 8M; office or service: 4S or 8P.":
        "Quel jeu convient à ce problème ? Atelier : 6M ou 8M ; bureau ou service : 4S ou 8P.",
    "Is a family of causes missing (software, traffic, regulation)? Add a bone.":
        "Manque-t-il une famille de causes (logiciel, circulation, réglementation) ? Ajoutez une arête.",
    "Arguing about which bone a cause belongs on: what matters is that it is said.":
        "Débattre de l'arête où ranger une cause : l'important, c'est qu'elle soit dite.",
    "Too many custom bones: they split the brainstorm into fragments.":
        "Trop d'arêtes personnalisées : elles éparpillent le brainstorming.",
    "6M, plus a custom bone 'Traffic flow' for an incident between a forklift and a pedestrian.":
        "6M, plus une arête personnalisée « Flux de circulation » pour un incident entre un chariot "
        "élévateur et un piéton.",
    "Brainstorm the causes":
        "Rechercher les causes",
    "Collect every possible cause, bone by bone, without judging them yet.":
        "Recueillez toutes les causes possibles, arête par arête, sans les juger pour l'instant.",
    "Bone by bone: what about the method? The machine? The measurement? The environment?":
        "Arête par arête : et la méthode ? Le matériel ? La mesure ? Le milieu ?",
    "What changed recently: people, material lot, setting, season, supplier?":
        "Qu'est-ce qui a changé récemment : personnes, lot de matière, réglage, saison, fournisseur ?",
    "How would this cause produce the effect? Ask 'why?' once or twice to go deeper.":
        "Comment cette cause produirait-elle l'effet ? Demandez « pourquoi ? » une ou deux fois pour "
        "creuser.",
    "Who has not spoken yet?":
        "Qui ne s'est pas encore exprimé ?",
    "Debating or rejecting causes during the brainstorm: park the discussion, every cause is a hypothesis for now.":
        "Débattre des causes ou les écarter pendant le brainstorming : mettez la discussion de côté, "
        "chaque cause est une hypothèse pour l'instant.",
    "Writing solutions ('more training') instead of causes ('new drivers do not know the one-way route').":
        "Écrire des solutions (« plus de formation ») au lieu de causes (« les nouveaux caristes ne "
        "connaissent pas le sens de circulation »).",
    "One loud voice filling the board: go round the table, or have everyone write in silence first.":
        "Une voix forte qui remplit le tableau : faites un tour de table, ou faites d'abord écrire chacun "
        "en silence.",
    "Leaving a bone empty because 'nothing there': ask once more.":
        "Laisser une arête vide parce qu'« il n'y a rien » : relancez une fois de plus.",
    "Environment: floor wet near dock 4 when it rains under the door. Method: no one-way traffic plan in shipping. Machine: FL-02 reversing alarm inaudible over the conveyor.":
        "Milieu : sol mouillé près du quai 4 quand la pluie passe sous la porte. Méthode : pas de plan de "
        "circulation à sens unique à l'expédition. Matériel : alarme de recul de FL-02 couverte par le "
        "bruit du convoyeur.",
    "Each participant places their dots on the causes they think most likely; the ranking says what to verify first.":
        "Chaque participant place ses gommettes sur les causes qu'il juge les plus probables ; le "
        "classement dit quoi vérifier en premier.",
    "Which causes most likely produced this effect? Not the easiest to fix, the most likely.":
        "Quelles causes ont le plus probablement produit cet effet ? Pas les plus faciles à corriger : les "
        "plus probables.",
    "Decide on your own first, then place your dots.":
        "Décidez d'abord seul, puis placez vos gommettes.",
    "Taking the vote as a proof: the top cause still has to be checked against facts.":
        "Prendre le vote pour une preuve : la cause arrivée en tête doit encore être confrontée aux faits.",
    "The manager voting first: the others follow.":
        "Le responsable qui vote en premier : les autres suivent.",
    "Voting for solutions.":
        "Voter pour des solutions.",
    "6 participants with 3 dots each: 'no marked walkway at dock 4' 7 dots, 'mirror missing at the end of aisle C' 5 dots, 'reversing alarm inaudible' 4 dots.":
        "6 participants avec 3 gommettes chacun : « pas d'allée piétonne marquée au quai 4 » 7 gommettes, "
        "« miroir manquant au bout de l'allée C » 5 gommettes, « alarme de recul inaudible » 4 gommettes.",
    "Check the top-voted causes against facts; mark each verified or rejected, with evidence, and mark the root causes.":
        "Confrontez aux faits les causes les plus votées ; marquez chacune vérifiée ou écartée, preuve à "
        "l'appui, et marquez les causes racines.",
    "What would we see if this cause were true? Go and look: records, measurements, a test on site.":
        "Que verrait-on si cette cause était vraie ? Allez voir : enregistrements, mesures, un essai sur "
        "place.",
    "Does it explain when and where the problem happened, and where it did not?":
        "Explique-t-elle quand et où le problème s'est produit, et où il ne s'est pas produit ?",
    "Which verified causes, if removed, would stop it from happening again? Those are the root causes.":
        "Quelles causes vérifiées, une fois supprimées, empêcheraient le problème de se reproduire ? Ce "
        "sont les causes racines.",
    "Deleting the rejected causes: reject them with evidence, they show the analysis was complete and save the next team the work.":
        "Supprimer les causes écartées : écartez-les preuve à l'appui, elles montrent que l'analyse a été "
        "complète et épargnent ce travail à l'équipe suivante.",
    "Verifying by opinion or by vote.":
        "Vérifier à l'opinion ou au vote.",
    "Stopping at the first confirmed cause when the facts show several contributors.":
        "S'arrêter à la première cause confirmée quand les faits montrent que plusieurs causes ont "
        "contribué.",
    "Rejected 'driver not licensed': all 4 drivers hold a valid licence (HR records, checked 5 March). Verified 'no marked walkway at dock 4': layout drawing and photo.":
        "Écartée « cariste sans autorisation de conduite » : les 4 caristes ont un CACES et une "
        "autorisation de conduite valides (dossiers RH, vérifiés le 5 mars). Vérifiée « pas d'allée "
        "piétonne marquée au quai 4 » : plan d'implantation et photo.",
    "no verified root cause yet: among the verified causes, which ones, removed, stop it from coming back? Mark them as root causes":
        "aucune cause racine vérifiée pour l'instant : parmi les causes vérifiées, lesquelles, une fois "
        "supprimées, empêchent le problème de revenir ? Marquez-les comme causes racines",
    "Put an action on each root cause, with an owner, a deliverable and a due date.":
        "Mettez une action en face de chaque cause racine, avec un pilote, un livrable et une échéance.",
    "What change removes this cause, or makes the hazard impossible?":
        "Quel changement supprime cette cause, ou rend le danger impossible ?",
    "Where does it sit in the hierarchy of controls: eliminate, substitute, engineer, organise, protect?":
        "Où se situe-t-elle dans la hiérarchie des mesures de prévention : supprimer, substituer, protéger "
        "collectivement, organiser, protéger individuellement ?",
    "Who owns it, by when, and what will exist when it is done?":
        "Qui la pilote, pour quand, et qu'est-ce qui existera une fois l'action réalisée ?",
    "Only 'awareness' actions (toolbox talk, poster): they fade; change the workplace.":
        "Uniquement des actions de « sensibilisation » (quart d'heure sécurité, affiche) : leur effet "
        "s'estompe ; changez le poste de travail.",
    "Actions without an owner or a date.":
        "Des actions sans pilote ni date.",
    "Paint a segregated walkway and a stop line at dock 4. Owner: Marc Dubois; deliverable: walkway marked and signed; due in 3 weeks.":
        "Peindre une allée piétonne séparée et une ligne d'arrêt au quai 4. Pilote : Marc Dubois ; "
        "livrable : allée marquée et signalée ; échéance dans 3 semaines.",
    # ------------------------------------------------------------ rca/model.py
    "{field}: '{value}' is not accepted; use one of: {choices}":
        "{field} : « {value} » n'est pas accepté ; utilisez l'une de ces valeurs : {choices}",
    "open":
        "en cours",
    "closed":
        "clôturée",
    "cancelled":
        "annulée",
    "champion":
        "sponsor",
    "leader":
        "pilote",
    "member":
        "membre",
    "facilitator":
        "animateur",
    "problem":
        "problème",
    "category":
        "catégorie",
    "cause":
        "cause",
    "hypothesis":
        "hypothèse",
    "verified":
        "vérifiée",
    "rejected":
        "écartée",
    "occurrence":
        "apparition",
    "non-detection":
        "non-détection",
    "systemic":
        "systémique",
    "containment":
        "sécurisation",
    "corrective":
        "corrective",
    "preventive":
        "préventive",
    "improvement":
        "amélioration",
    "plan":
        "planifier",
    "do":
        "faire",
    "check":
        "vérifier",
    "act":
        "agir",
    "planned":
        "prévue",
    "in progress":
        "en cours",
    "done":
        "réalisée",
    "pending":
        "en attente",
    "effective":
        "efficace",
    "not effective":
        "non efficace",
    "higher is better":
        "plus haut, c'est mieux",
    "lower is better":
        "plus bas, c'est mieux",
    "proceed":
        "poursuivre",
    "revise":
        "à reprendre",
    "{case}: there is no cause {node}":
        "{case} : il n'y a pas de cause {node}",
    "{case}: there is no action {action}":
        "{case} : il n'y a pas d'action {action}",
    "none yet":
        "aucun pour l'instant",
    "{case}: no indicator '{ref}'; the case has: {names}":
        "{case} : pas d'indicateur « {ref} » ; l'analyse a : {names}",
    "{path}: is required":
        "{path} : obligatoire",
    "{path}: is not a known field":
        "{path} : n'est pas un champ connu",
    "{path}: '{given}' is not a date; use YYYY-MM-DD":
        "{path} : « {given} » n'est pas une date ; utilisez AAAA-MM-JJ",
    "{path}: {message} (got {given})":
        "{path} : {message} (reçu : {given})",
    # ------------------------------------------------------------ rca/causes.py
    "{field}: a cause needs some text; say what happened, in the team's words":
        "{field} : une cause a besoin d'un texte ; dites ce qui s'est passé, avec les mots de l'équipe",
    "{field}: {length} characters is too long for a cause (at most {limit}); keep the detail in the evidence":
        "{field} : {length} caractères, c'est trop long pour une cause (au plus {limit}) ; gardez le "
        "détail pour la preuve",
    "{node}: someone else changed this cause while you were editing it; yours and theirs are both kept on screen, choose one":
        "{node} : quelqu'un d'autre a modifié cette cause pendant que vous la modifiiez ; votre version et "
        "la sienne restent à l'écran, choisissez-en une",
    "{node} is not a cause; only causes can be linked under another node":
        "{node} n'est pas une cause ; seules les causes peuvent être rattachées sous un autre nœud",
    "{cause} cannot be a cause of {effect}: {effect} already explains {cause}, which would make a circle; link it to another cause instead":
        "{cause} ne peut pas être une cause de {effect} : {effect} explique déjà {cause}, cela formerait "
        "une boucle ; rattachez-la plutôt à une autre cause",
    "{cause} is not linked under {effect}":
        "{cause} n'est pas rattachée sous {effect}",
    "{cause} has no other parent; move it or remove it instead of unlinking it":
        "{cause} n'a pas d'autre parent ; déplacez-la ou supprimez-la au lieu de la détacher",
    "the problem is the top of the graph; it cannot be moved":
        "le problème est le sommet du graphe ; il ne peut pas être déplacé",
    "{node} cannot go under {parent}: {parent} is one of its own causes; that would make a circle":
        "{node} ne peut pas aller sous {parent} : {parent} est l'une de ses propres causes ; cela "
        "formerait une boucle",
    "{node} is not under {parent}":
        "{node} n'est pas sous {parent}",
    "the problem node cannot be removed":
        "le nœud du problème ne peut pas être supprimé",
    "{node} has {count} cause(s) under it; say whether to move them up to its parent or to remove them with it":
        "{node} a {count} cause(s) en dessous ; dites s'il faut les remonter à son parent ou les "
        "supprimer avec elle",
    "the causes of {node} cannot be moved under {node} itself":
        "les causes de {node} ne peuvent pas être déplacées sous {node} même",
    "moving the causes of {node} under {parent} would make a circle":
        "déplacer les causes de {node} sous {parent} formerait une boucle",
    "evidence: say what showed it (a measurement, a test, an observation)":
        "preuve : dites ce qui l'a montré (une mesure, un essai, une observation)",
    "{node} was rejected; re-open it before marking it as a root cause":
        "{node} a été écartée ; rouvrez-la avant de la marquer comme cause racine",
    "participant: say who is voting":
        "participant : dites qui vote",
    "{who} has used all {limit} votes; take one back first":
        "{who} a utilisé ses {limit} votes ; retirez-en un d'abord",
    "{node} is {kind}, not a cause":
        "{node} est de type « {kind} », pas une cause",
    "causes: the id {node} is used twice":
        "causes : l'identifiant {node} est utilisé deux fois",
    "links[{index}]: {node} is not a node of the graph":
        "links[{index}] : {node} n'est pas un nœud du graphe",
    "links: the causes form a circle ({cycle})":
        "links : les causes forment une boucle ({cycle})",
    "causes: {node} is not attached to anything":
        "causes : {node} n'est rattachée à rien",
    # ------------------------------------------------------------ rca/actions.py
    "late":
        "en retard",
    "not started":
        "non démarrée",
    "today":
        "aujourd'hui",
    "{field}: '{value}' is not a date; use YYYY-MM-DD, DD/MM/YYYY, or +7d / 2w from today":
        "{field} : « {value} » n'est pas une date ; utilisez JJ/MM/AAAA, AAAA-MM-JJ, ou +7d / 2w (jours / "
        "semaines à partir d'aujourd'hui)",
    "title: an action needs a title; say what will be done":
        "titre : une action a besoin d'un titre ; dites ce qui sera fait",
    "{action}: is {status}; mark it done before recording whether it worked":
        "{action} : est {status} ; marquez-la réalisée avant d'enregistrer si elle a été efficace",
    "evidence: say what showed the result (a measurement, an audit, zero returns since...)":
        "preuve : dites ce qui a montré le résultat (une mesure, un audit, zéro retour depuis…)",
    # ------------------------------------------------------------ rca/demo.py
    "demo case created":
        "analyse de démonstration créée",
}

MESSAGES: dict[str, str] = {english: _french_spacing(french) for english, french in _RAW.items()}
"""English source string → French, with French spacing (merged into ``rca.locales.fr.MESSAGES``)."""
