"""The French demo workspace: the five cases of ``rca.demo``, written in French.

Demo content is user data, not interface: what the team "typed" (titles, problem statements, causes,
evidence, actions, step fields, team functions) is translated here through ``CONTENT``, a dict from the
English demo text to the French, and not through the app's catalogue, so a French workspace stays
French whatever language the app shows later. The cases are built by ``rca.demo``'s own builders (same
causes, actions, votes, dates relative to ``today``, hence the same gates), then ``to_french`` replaces
every text in place. Names, ids and references (WI-L2-07, CP-220, FL-02...) stay as they are.

A few texts carry a date or a week number computed from ``today``: ``_DATED`` rewrites them, with the
date written the French way (30/09/2026). Like ``rca.demo``, this module is core: it must not import
``methods``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from rca.demo import DEMO_CASES, SIX_M, DemoCase, demo_cases
from rca.locales.fr_methods import MESSAGES as _METHOD_WORDS
from rca.model import Case

if TYPE_CHECKING:
    from rca.store import IdSource, Workspace

# ---------------------------------------------------------------- the content, English → French

_TEAM = {
    "Plant manager": "Directrice d'usine",
    "Quality engineer": "Ingénieure qualité",
    "Machining team leader": "Chef d'équipe usinage",
    "Methods engineer": "Ingénieure méthodes",
    "Maintenance technician": "Technicien de maintenance",
    "Methods": "Méthodes",
    "Press line team leader": "Chef d'équipe presses",
    "Maintenance": "Maintenance",
    "Process engineer, green belt": "Ingénieur process, green belt",
    "Paint line team leader": "Chef d'équipe peinture",
    "Packing team leader": "Chef d'équipe conditionnement",
    "QSE coordinator": "Coordinatrice QSE",
    "Logistics team leader": "Chef d'équipe logistique",
    "Forklift driver": "Cariste",
    "Picker": "Préparatrice de commandes",
}
"""Team functions (the names stay)."""

_TITLES = {
    "Housing H-220: bore out of tolerance (customer complaint)":
        "Carter H-220 : alésage hors tolérance (réclamation client)",
    "Reduce changeover time on press line 3":
        "Réduire le temps de changement de série sur la ligne de presses 3",
    "Reduce the scrap rate of paint line 2":
        "Réduire le taux de rebut de la ligne de peinture 2",
    "Conveyor C2 stopped: fuse F3 blew":
        "Convoyeur C2 arrêté : le fusible F3 a sauté",
    "Forklift near-miss at shipping dock 4":
        "Presque-accident chariot élévateur au quai d'expédition 4",
    "demo case created":
        "analyse de démonstration créée",
}
"""Case titles, and the audit entry of a new demo case."""

_BORE_8D = {
    # D0, D1
    "Customer assembly line (Axon Drives, Lyon) stopped: 3 housings H-220 would not take the bearing.":
        "Ligne d'assemblage du client (Axon Drives, Lyon) arrêtée : 3 carters H-220 n'acceptaient pas le "
        "roulement.",
    "Shipments of H-220 stopped the same day; 800 parts quarantined in our stock; customer quality informed "
    "at 16:00; sorting team sent to Lyon.":
        "Expéditions de H-220 stoppées le jour même ; 800 pièces mises en quarantaine dans notre stock ; "
        "qualité client informée à 16 h ; équipe de tri envoyée à Lyon.",
    "Customer complaint with line stop; customer requires an 8D (D3 in 24 h, D4-D5 in 10 days); "
    "safety-relevant fit.":
        "Réclamation client avec arrêt de ligne ; le client exige un 8D (D3 sous 24 h, D4-D5 sous "
        "10 jours) ; ajustement lié à la sécurité.",
    "Yes: decided by Julie Moreau, plant manager":
        "Oui : décidé par Julie Moreau, directrice d'usine",
    "Daily 15 min at the L2 board at 8:30 until D3 is closed, then weekly.":
        "Point quotidien de 15 min au tableau de L2 à 8 h 30 jusqu'à la clôture du D3, puis hebdomadaire.",
    # D2: QQOQCCP and EST / N'EST PAS
    "Bore Ø52 H7 of housing H-220 oversize: measured up to 52.041 mm (max 52.030 mm)":
        "Alésage Ø52 H7 du carter H-220 trop grand : mesuré jusqu'à 52,041 mm (max 52,030 mm)",
    "Machined on lathe L2 (cell 4); found at the customer's bearing press-fit station":
        "Usiné sur le tour L2 (cellule 4) ; détecté au poste d'emmanchement des roulements du client",
    "Found by the customer's assembly operator; affects Axon Drives' line 2":
        "Détecté par l'opérateur d'assemblage du client ; touche la ligne 2 d'Axon Drives",
    "Customer complaint: bearing would not press in, customer CMM check of the bore":
        "Réclamation client : roulement impossible à emmancher, alésage contrôlé sur MMT chez le client",
    "37 parts out of 1,200 delivered (3.1 %); 0 in the 4,800 parts of the previous 2 months":
        "37 pièces sur 1 200 livrées (3,1 %) ; 0 sur les 4 800 pièces des 2 mois précédents",
    "Customer line stop (4 h), risk of bearing failure in the field, 8D required by contract":
        "Arrêt de la ligne client (4 h), risque de défaillance du roulement en clientèle, 8D exigé par "
        "contrat",
    "What": "Quoi",
    "Where": "Où",
    "When": "Quand",
    "How many": "Combien",
    "Bore Ø52 H7 oversize": "Alésage Ø52 H7 trop grand",
    "Other diameters and faces of H-220": "Autres diamètres et faces du H-220",
    "Only the bore finished with the CCMT insert": "Seul l'alésage fini avec la plaquette CCMT",
    "Lathe L2": "Tour L2",
    "Lathe L1, running the same program": "Tour L1, avec le même programme",
    "L2 changed to a new insert grade in February": "L2 est passé à une nouvelle nuance de plaquette en février",
    "Night shift, after an insert change": "Équipe de nuit, après un changement de plaquette",
    "Day shift": "Équipe de jour",
    "Night-shift setters change inserts without the metrology lab open":
        "La nuit, les régleurs changent les plaquettes quand le labo de métrologie est fermé",
    "37 parts in 3 lots": "37 pièces dans 3 lots",
    "Lots before 2411-03": "Lots antérieurs au 2411-03",
    "Drawing H-220 rev. C, bore Ø52 H7 (52.000 / 52.030 mm); customer specification AX-Q-12 § 4.2":
        "Plan H-220 indice C, alésage Ø52 H7 (52,000 / 52,030 mm) ; spécification client AX-Q-12 § 4.2",
    "Housings H-220 from lathe L2 reach the customer with the Ø52 H7 bore oversize, which stops their "
    "bearing press-fit.":
        "Des carters H-220 usinés sur le tour L2 arrivent chez le client avec l'alésage Ø52 H7 trop grand, "
        "ce qui bloque son emmanchement des roulements.",
    # D3
    "At the customer: 1,200 parts (lots 2411-03 to 2412-06). In our stock: 800 parts. In process on L2: 60 "
    "parts. In transit: none (shipments stopped). Spare parts: none for this reference.":
        "Chez le client : 1 200 pièces (lots 2411-03 à 2412-06). Dans notre stock : 800 pièces. En cours "
        "sur L2 : 60 pièces. En transit : aucune (expéditions stoppées). Pièces de rechange : aucune pour "
        "cette référence.",
    "Lot 2412-07 onwards, labels marked with a green dot 'bore 100 % checked'":
        "À partir du lot 2412-07, étiquettes marquées d'une pastille verte « alésage contrôlé à 100 % »",
    "Sort the bores 100 % at the customer with a go/no-go plug gauge":
        "Trier les alésages à 100 % chez le client au tampon entre / n'entre pas",
    "Sorting report: parts checked, rejected": "Rapport de tri : pièces contrôlées, rebutées",
    "Sort stock and WIP 100 %, mark good parts with a green dot":
        "Trier à 100 % le stock et les en-cours, marquer les pièces bonnes d'une pastille verte",
    "Sorting report and clean point lot": "Rapport de tri et lot du point de coupure",
    "1,200 parts checked, 37 rejected": "1 200 pièces contrôlées, 37 rebutées",
    "860 parts checked, 0 rejected": "860 pièces contrôlées, 0 rebutée",
    "No oversize bore reported by the customer after sorting":
        "Aucun alésage trop grand signalé par le client après le tri",
    "No complaint from the customer in 10 days of production after sorting":
        "Aucune réclamation du client en 10 jours de production après le tri",
    # D4: the fishbone and the three legs
    "Night-shift setter new on L2": "Régleur de nuit nouveau sur L2",
    "Setter trained and signed off on L2 (training record TR-118); the same setter made good parts on day "
    "shift":
        "Régleur formé et habilité sur L2 (fiche de formation TR-118) ; le même régleur a fait des pièces "
        "bonnes en équipe de jour",
    "Offset corrected by eye, not from a measurement": "Correcteur ajusté à l'œil, pas à partir d'une mesure",
    "Spindle bearing play on L2": "Jeu dans les roulements de broche de L2",
    "Spindle runout measured 0.003 mm (limit 0.010), maintenance report MR-2291":
        "Faux-rond de broche mesuré à 0,003 mm (limite 0,010), rapport de maintenance MR-2291",
    "Thermal drift of L2 at night": "Dérive thermique de L2 la nuit",
    "Bores measured every hour over 8 h: drift 4 µm, within tolerance":
        "Alésages mesurés toutes les heures pendant 8 h : dérive de 4 µm, dans la tolérance",
    "Tool wear offset not updated after an insert change":
        "Correcteur d'usure d'outil non mis à jour après un changement de plaquette",
    "Reproduced on L2: new insert without offset update gives 52.036-52.042 mm":
        "Reproduit sur L2 : une plaquette neuve sans mise à jour du correcteur donne 52,036 à 52,042 mm",
    "Work instruction WI-L2-07 does not ask to re-measure the bore after an insert change":
        "L'instruction de travail WI-L2-07 ne demande pas de remesurer l'alésage après un changement de "
        "plaquette",
    "WI-L2-07 rev. D read with the setters: no step after insert change":
        "WI-L2-07 indice D relue avec les régleurs : aucune étape après le changement de plaquette",
    "Casting hardness varies between lots": "La dureté des pièces brutes de fonderie varie d'un lot à l'autre",
    "Certificates and 10 hardness tests per lot: 210-225 HB, within specification":
        "Certificats et 10 essais de dureté par lot : 210-225 HB, conforme à la spécification",
    "Foundry changed the casting alloy": "La fonderie a changé d'alliage",
    "Foundry confirms no change; spectrometry of 2 parts matches EN-GJS-500-7":
        "La fonderie confirme qu'il n'y a eu aucun changement ; la spectrométrie de 2 pièces correspond à "
        "l'EN-GJS-500-7",
    "Air gauge on L2 out of calibration": "Jauge pneumatique de L2 hors étalonnage",
    "Bore checked 1 part in 50 with a caliper (resolution 0.02 mm)":
        "Alésage contrôlé sur 1 pièce sur 50 au pied à coulisse (résolution 0,02 mm)",
    "Control plan CP-220 rev. C and inspection sheets; a caliper cannot see an 0.011 mm excess":
        "Plan de surveillance CP-220 indice C et fiches de contrôle ; un pied à coulisse ne peut pas voir "
        "un dépassement de 0,011 mm",
    "PFMEA rated the bore detection 3 without a gauge study":
        "L'AMDEC processus cote la détection de l'alésage à 3 sans étude du moyen de mesure",
    "PFMEA rev. E line 42: detection 3 for 'caliper 1/50', no MSA on file":
        "AMDEC processus indice E ligne 42 : détection 3 pour « pied à coulisse 1/50 », aucune MSA au "
        "dossier",
    "Coolant concentration low on L2": "Concentration du liquide de coupe trop faible sur L2",
    "Occurrence reproduced on L2 on purpose (insert change without offset update); non-detection shown by "
    "measuring 10 oversize parts with the caliper: 9 passed.":
        "Apparition reproduite volontairement sur L2 (changement de plaquette sans mise à jour du "
        "correcteur) ; non-détection démontrée en mesurant 10 pièces trop grandes au pied à coulisse : "
        "9 sont passées.",
    # D5, D6
    "Air gauge preferred to a CMM check: 100 % in-process, 8 s per part. Validated by a gauge R&R before "
    "release.":
        "Jauge pneumatique préférée à un contrôle sur MMT : 100 % en cours d'usinage, 8 s par pièce. "
        "Validée par une étude R&R avant la mise en service.",
    "Add 'measure the bore after every insert change' to WI-L2-07":
        "Ajouter « mesurer l'alésage après chaque changement de plaquette » à la WI-L2-07",
    "WI-L2-07 rev. E published, 12 setters trained": "WI-L2-07 indice E diffusée, 12 régleurs formés",
    "0 oversize bores on 3 consecutive insert changes, audited":
        "0 alésage trop grand sur 3 changements de plaquette consécutifs, audités",
    "WI-L2-07 rev. E in the document system; training list signed":
        "WI-L2-07 indice E dans la GED ; feuille d'émargement de la formation signée",
    "Audit of 3 insert changes on both shifts: bore re-measured, all in tolerance":
        "Audit de 3 changements de plaquette dans les deux équipes : alésage remesuré, tout est dans la "
        "tolérance",
    "Tool-life counter on L2 that stops the cycle at the insert's life limit":
        "Compteur de durée de vie sur L2 qui arrête le cycle en fin de vie de la plaquette",
    "Counter active on L2, limit 350 parts": "Compteur actif sur L2, limite 350 pièces",
    "No insert used past 350 parts for 1 month (counter log)":
        "Aucune plaquette utilisée au-delà de 350 pièces pendant 1 mois (historique du compteur)",
    "Install an in-process air gauge on L2 with 100 % bore check":
        "Installer une jauge pneumatique en cours d'usinage sur L2, avec contrôle de l'alésage à 100 %",
    "Air gauge installed, gauge R&R below 10 %": "Jauge pneumatique installée, R&R inférieur à 10 %",
    "Zero customer returns for bore diameter for 3 months":
        "Zéro retour client sur le diamètre d'alésage pendant 3 mois",
    "Update PFMEA and control plan CP-220: bore checked by air gauge, MSA required":
        "Mettre à jour l'AMDEC processus et le plan de surveillance CP-220 : alésage contrôlé par jauge "
        "pneumatique, MSA exigée",
    "PFMEA rev. F and CP-220 rev. D released": "AMDEC processus indice F et CP-220 indice D diffusés",
    "Layered audit finds CP-220 rev. D applied at L2 on both shifts":
        "L'audit par niveaux constate que le CP-220 indice D est appliqué sur L2 dans les deux équipes",
    "PFMEA rev. F and CP-220 rev. D in the document system":
        "AMDEC processus indice F et CP-220 indice D dans la GED",
}
"""C-1, the 8D on a customer complaint."""

_CHANGEOVER_A3 = {
    "Changeover time on press line 3": "Temps de changement de série sur la ligne de presses 3",
    "rev. 2": "rév. 2",
    "Press line 3 runs 14 changeovers a week. At 47 min each we lose 11 h of capacity a week and keep 3 days "
    "of stamped parts to protect deliveries.":
        "La ligne de presses 3 fait 14 changements de série par semaine. À 47 min chacun, nous perdons "
        "11 h de capacité par semaine et gardons 3 jours de pièces embouties pour tenir les livraisons.",
    "Plant objective this year: inventory -20 %, OEE of the press shop from 64 to 72 %.":
        "Objectif de l'usine cette année : stocks -20 %, TRS de l'atelier presses de 64 à 72 %.",
    "5 changeovers filmed: 47 min on average (45-49). 28 min are internal work that could be done while the "
    "press runs: fetching dies, finding clamps, adjusting the first part.":
        "5 changements de série filmés : 47 min en moyenne (45-49). 28 min sont du travail interne qui "
        "pourrait se faire presse en marche : aller chercher les outils, trouver les brides, régler la "
        "première pièce.",
    "Fetching dies 12 min, clamping 9 min, first-piece adjustment 14 min, other 12 min.":
        "Recherche des outils 12 min, bridage 9 min, réglage de la première pièce 14 min, divers 12 min.",
    "Changeover time, press line 3": "Temps de changement de série, ligne de presses 3",
    "filmed changeover": "changement filmé",
    "die cart in use": "chariot d'outils en service",
    "baseline": "référence",
    "Dies fetched from the die store after the press stops":
        "Outils cherchés au magasin outils une fois la presse arrêtée",
    "12 of 47 min on 5 filmed changeovers": "12 des 47 min sur 5 changements filmés",
    "No die cart or staging area at press line 3":
        "Pas de chariot d'outils ni de zone de préparation à la ligne de presses 3",
    "Die store layout: nearest staging 60 m away, no cart":
        "Plan du magasin outils : zone de préparation la plus proche à 60 m, pas de chariot",
    "Clamping takes 9 min: bolts tightened one by one": "Le bridage prend 9 min : boulons serrés un par un",
    "Time study, 5 changeovers": "Chronométrage, 5 changements de série",
    "Clamp heights differ between dies (4 sizes)": "Hauteurs de bridage différentes selon les outils (4 tailles)",
    "6 dies measured: 4 clamping heights": "6 outils mesurés : 4 hauteurs de bridage",
    "First-piece adjustment takes 14 min": "Le réglage de la première pièce prend 14 min",
    "Die shut heights not standardised: the ram is re-set at every change":
        "Hauteurs d'outil fermé non standardisées : le coulisseau est re-réglé à chaque changement",
    "Shut heights of 6 dies range from 412 to 431 mm": "Les hauteurs fermées de 6 outils vont de 412 à 431 mm",
    "Operators wait for the forklift to bring the coil":
        "Les opérateurs attendent que le chariot élévateur apporte la bobine",
    "Coil staged before the stop in 5 of 5 observed changeovers":
        "Bobine approvisionnée avant l'arrêt sur 5 changements observés sur 5",
    "Why-chains from the 5 filmed changeovers (spaghetti diagram and time study), checked on the floor with "
    "the press team.":
        "Chaînes de pourquoi tirées des 5 changements filmés (diagramme spaghetti et chronométrage), "
        "vérifiées sur le terrain avec l'équipe presses.",
    "Die cart at press line 3, die prepared during the previous run":
        "Chariot d'outils à la ligne de presses 3, outil préparé pendant la série précédente",
    "1 die cart in use at press line 3": "1 chariot d'outils en service à la ligne de presses 3",
    "Fetching under 2 min on 5 changeovers": "Recherche des outils en moins de 2 min sur 5 changements",
    "Standard clamping height with spacer blocks, quick clamps":
        "Hauteur de bridage standard avec des cales, brides rapides",
    "Quick clamps fitted on 6 dies": "Brides rapides montées sur 6 outils",
    "Equalise die shut heights with parallels": "Égaliser les hauteurs fermées des outils avec des cales parallèles",
    "Shut heights equal on 6 dies": "Hauteurs fermées identiques sur 6 outils",
}
"""C-2, the A3 on changeover time."""

_PAINT_DMAIC = {
    "Scrap rate of paint line 2 has been 4.2 % on average for 6 months (target of the plant: 2 %); 61 % of "
    "scrap is craters in the top coat.":
        "Le taux de rebut de la ligne de peinture 2 est de 4,2 % en moyenne depuis 6 mois (objectif de "
        "l'usine : 2 %) ; 61 % du rebut vient des cratères dans la couche de finition.",
    "180 k€ a year of scrap and rework, and 2 late deliveries a month to the agricultural customer.":
        "180 k€ par an de rebut et de retouches, et 2 livraisons en retard par mois chez le client du "
        "machinisme agricole.",
    "Paint line 2, from pre-treatment to curing oven exit; all colours.":
        "Ligne de peinture 2, du prétraitement à la sortie du four de cuisson ; toutes les teintes.",
    "Powder supplier change; paint line 1; packaging.":
        "Changement de fournisseur de poudre ; ligne de peinture 1 ; emballage.",
    "Suppliers: powder supplier, pre-treatment chemicals, machining. Inputs: machined parts, powder, "
    "compressed air. Process: load, pre-treat, dry, powder coat, cure, unload, inspect. Outputs: painted "
    "parts. Customers: assembly, agricultural customer.":
        "Fournisseurs : fournisseur de poudre, produits de prétraitement, usinage. Entrées : pièces "
        "usinées, poudre, air comprimé. Processus : accrocher, prétraiter, sécher, poudrer, cuire, "
        "décrocher, contrôler. Sorties : pièces peintes. Clients : montage, client du machinisme agricole.",
    "'Craters show through on the bonnet panels', 'we reject whole racks at final inspection'.":
        "« Les cratères se voient sur les capots », « on rebute des balancelles entières au contrôle "
        "final ».",
    "No visible crater > 0.5 mm on class A faces; coating thickness 60-90 µm.":
        "Aucun cratère visible > 0,5 mm sur les faces d'aspect classe A ; épaisseur de revêtement "
        "60-90 µm.",
    "Scrap rate of paint line 2 (%)": "Taux de rebut de la ligne de peinture 2 (%)",
    "Parts rejected at final inspection ÷ parts painted, per day, from the inspection log; a part reworked "
    "and accepted is not scrap.":
        "Pièces rebutées au contrôle final ÷ pièces peintes, par jour, d'après le registre de contrôle ; "
        "une pièce retouchée puis acceptée n'est pas un rebut.",
    "Daily scrap by defect type, colour, rack position and shift for 8 weeks; oven and air data logged "
    "every 10 min.":
        "Rebut quotidien par type de défaut, teinte, position sur la balancelle et équipe pendant "
        "8 semaines ; données du four et de l'air enregistrées toutes les 10 min.",
    "Attribute agreement on the crater defect catalogue: 92 % between 4 inspectors (target 90 %) after "
    "the catalogue was updated with photos.":
        "Concordance par attributs sur le catalogue des défauts « cratère » : 92 % entre 4 contrôleurs "
        "(cible 90 %) après la mise à jour du catalogue avec des photos.",
    "Scrap rate, paint line 2": "Taux de rebut, ligne de peinture 2",
    "Craters in the top coat (61 % of scrap)": "Cratères dans la couche de finition (61 % du rebut)",
    "Pareto of 8 weeks of scrap by defect type": "Pareto de 8 semaines de rebut par type de défaut",
    "Humid compressed air at the oven zone-2 blower": "Air comprimé humide à la soufflante de la zone 2 du four",
    "Powder contamination at colour change": "Poudre contaminée au changement de teinte",
    "Pre-treatment rinse conductivity too high": "Conductivité du rinçage de prétraitement trop élevée",
    "8 weeks of rinse logs: 18-24 µS/cm, limit 30": "8 semaines de relevés du rinçage : 18-24 µS/cm, limite 30",
    "Coating too thin on rack edges": "Revêtement trop mince en bord de balancelle",
    "Log the dew point of the compressed air at zone 2 for 4 weeks":
        "Enregistrer le point de rosée de l'air comprimé en zone 2 pendant 4 semaines",
    "4 weeks of dew point data, every 10 min": "4 semaines de relevés du point de rosée, toutes les 10 min",
}
"""C-3, the DMAIC on paint scrap."""

_CONVEYOR_5WHYS = {
    "Conveyor C2 stopped 3 times on the night shift: fuse F3 blew each time":
        "Le convoyeur C2 s'est arrêté 3 fois pendant l'équipe de nuit : le fusible F3 a sauté à chaque fois",
    "Packing line 1, conveyor C2": "Ligne de conditionnement 1, convoyeur C2",
    "3 stops, 95 min of downtime, 2 trucks loaded late": "3 arrêts, 95 min d'arrêt, 2 camions chargés en retard",
    "C2 runs a whole shift without a stop.": "C2 tourne une équipe entière sans arrêt.",
    "Fuse F3 (16 A) blown 3 times; motor hot; drive roller hard to turn by hand.":
        "Fusible F3 (16 A) grillé 3 fois ; moteur chaud ; rouleau d'entraînement dur à tourner à la main.",
    "The motor drew twice its rated current": "Le moteur tirait deux fois son courant nominal",
    "Clamp meter: 7.8 A for 3.9 A rated": "Pince ampèremétrique : 7,8 A pour 3,9 A nominal",
    "The drive roller bearing had seized": "Le roulement du rouleau d'entraînement avait grippé",
    "Bearing dismantled: dry and blue": "Roulement démonté : sec et bleui",
    "The bearing had not been greased for 8 months": "Le roulement n'avait pas été graissé depuis 8 mois",
    "Lubrication log: last entry for C2 eight months ago":
        "Registre de graissage : dernière saisie pour C2 il y a huit mois",
    "C2 is not on the lubrication route since it was moved in January":
        "C2 n'est plus sur la tournée de graissage depuis son déplacement en janvier",
    "Lubrication route rev. 12 lists C1 and C3 only": "La tournée de graissage indice 12 ne cite que C1 et C3",
    "Moving equipment does not trigger an update of the maintenance plan":
        "Déplacer un équipement ne déclenche pas la mise à jour du plan de maintenance",
    "Move checklist MOV-02 rev. B: no maintenance step":
        "Check-list de déplacement MOV-02 indice B : aucune étape maintenance",
    "Read back with 'therefore' with the packing team: every step follows.":
        "Relu avec « donc » avec l'équipe conditionnement : chaque étape s'enchaîne.",
    "Replace bearing and fuse F3, grease C2": "Remplacer le roulement et le fusible F3, graisser C2",
    "C2 running": "C2 en marche",
    "Work order WO-4471 closed": "Ordre de travail WO-4471 soldé",
    "Add 'update maintenance routes' to the equipment move checklist":
        "Ajouter « mettre à jour les tournées de maintenance » à la check-list de déplacement d'équipement",
    "Checklist MOV-02 rev. C published": "Check-list MOV-02 indice C diffusée",
    "No stop of C2 on F3 for 8 weeks, and C2 on the lubrication route":
        "Aucun arrêt de C2 sur F3 pendant 8 semaines, et C2 sur la tournée de graissage",
    "MOV-02 rev. C in the document system; C2 added to the route":
        "MOV-02 indice C dans la GED ; C2 ajouté à la tournée",
    "Downtime log: 0 stops on F3 in 8 weeks; route audited":
        "Journal des arrêts : 0 arrêt sur F3 en 8 semaines ; tournée auditée",
    "No stop of C2 on fuse F3 in 8 weeks (downtime log).":
        "Aucun arrêt de C2 sur le fusible F3 en 8 semaines (journal des arrêts).",
    "The 4 other conveyors moved this year were checked: all on the route.":
        "Les 4 autres convoyeurs déplacés cette année ont été vérifiés : tous sont sur la tournée.",
}
"""C-4, the quick 5 pourquoi."""

_FORKLIFT_ISHIKAWA = {
    "Forklift FL-02, reversing out of aisle C, passed 1 m from a picker crossing on foot; no injury":
        "Le chariot élévateur FL-02, sortant en marche arrière de l'allée C, est passé à 1 m d'une "
        "préparatrice qui traversait à pied ; pas de blessé",
    "Shipping area, dock 4, end of aisle C": "Zone d'expédition, quai 4, bout de l'allée C",
    "Reported by the picker and the driver the same day": "Signalé par la préparatrice et le cariste le jour même",
    "1 near-miss; 2 similar verbal reports in the past 3 months":
        "1 presque-accident ; 2 signalements oraux similaires ces 3 derniers mois",
    "Potential serious injury (pedestrian struck by a forklift)":
        "Blessure grave possible (piéton heurté par un chariot élévateur)",
    "Forklift / pedestrian near-miss at dock 4": "Presque-accident chariot / piéton au quai 4",
    "Traffic flow": "Flux de circulation",
    "No marked pedestrian walkway at dock 4": "Pas d'allée piétonne marquée au quai 4",
    "Layout drawing SHP-04 rev. D and photos: no marking between aisle C and the dock":
        "Plan d'implantation SHP-04 indice D et photos : aucun marquage entre l'allée C et le quai",
    "No convex mirror at the end of aisle C": "Pas de miroir convexe au bout de l'allée C",
    "Site walk: mirror removed when the racks were extended, not replaced":
        "Visite terrain : miroir retiré lors de l'extension des racks, jamais remplacé",
    "Pickers cross the lane at dock 4 to reach the label printer":
        "Les préparateurs traversent la voie au quai 4 pour atteindre l'imprimante d'étiquettes",
    "Observation 1 h: 23 crossings; printer is on the far side of the lane":
        "Observation de 1 h : 23 traversées ; l'imprimante est de l'autre côté de la voie",
    "FL-02 reversing alarm inaudible over the conveyor": "Alarme de recul de FL-02 inaudible à cause du convoyeur",
    "Alarm measured at 92 dB(A) at 5 m with the conveyor running (background 78 dB(A))":
        "Alarme mesurée à 92 dB(A) à 5 m, convoyeur en marche (bruit de fond 78 dB(A))",
    "Forklift driving too fast in shipping": "Chariots élévateurs trop rapides à l'expédition",
    "Telematics of FL-02: 6 km/h at the time, limit 8 km/h":
        "Télématique de FL-02 : 6 km/h au moment des faits, limite 8 km/h",
    "Driver not licensed for this forklift": "Cariste sans autorisation de conduite pour ce chariot",
    "HR records: all 4 drivers hold a valid licence and authorisation":
        "Dossiers RH : les 4 caristes ont un CACES et une autorisation de conduite valides",
    "Overhanging loads on pallets block the driver's view":
        "Des charges qui débordent des palettes masquent la vue du cariste",
    "Near-misses in shipping were not reported before":
        "Les presque-accidents de l'expédition n'étaient pas déclarés jusqu'ici",
    "Glare from the open dock door in the afternoon": "Éblouissement par la porte de quai ouverte l'après-midi",
    "Loading rush at 14:00: trucks loaded in parallel": "Pic de chargement à 14 h : camions chargés en parallèle",
    "Top 5 voted causes checked by Claire Martin and Karim Benali within 1 week: site walk, telematics, "
    "noise measurement, HR records.":
        "Les 5 causes les plus votées vérifiées par Claire Martin et Karim Benali sous 1 semaine : visite "
        "terrain, télématique, mesure de bruit, dossiers RH.",
    "Temporary barrier and stop sign at the end of aisle C":
        "Barrière provisoire et panneau stop au bout de l'allée C",
    "Barrier in place": "Barrière en place",
    "Photo of the barrier, posted at the shift briefing":
        "Photo de la barrière, présentée au briefing de prise de poste",
    "Paint a segregated pedestrian walkway and a stop line at dock 4":
        "Peindre une allée piétonne séparée et une ligne d'arrêt au quai 4",
    "Walkway marked and signed at dock 4": "Allée marquée et signalée au quai 4",
    "No pedestrian outside the walkway in 3 observations of 1 h":
        "Aucun piéton hors de l'allée sur 3 observations de 1 h",
    "Install a convex mirror at the end of aisle C": "Installer un miroir convexe au bout de l'allée C",
    "Mirror installed and checked from the forklift seat": "Miroir installé et vérifié depuis le siège du chariot",
    "Drivers confirm the view of the crossing (5 of 5)":
        "Les caristes confirment la visibilité de la traversée (5 sur 5)",
}
"""C-5, the Ishikawa on a safety near-miss."""

_BONES = {label: _METHOD_WORDS[label] for _key, label in SIX_M}
"""The 6M bones, named as the French catalogue names them (Main-d'œuvre, Matériel...)."""

CONTENT: dict[str, str] = {
    **_TEAM, **_TITLES, **_BORE_8D, **_CHANGEOVER_A3, **_PAINT_DMAIC, **_CONVEYOR_5WHYS,
    **_FORKLIFT_ISHIKAWA, **_BONES,
}
"""Every fixed text of the English demo → its French twin."""


def _french_date(match: re.Match[str]) -> str:
    year, month, day = match.group("y"), match.group("m"), match.group("d")
    return f"{day}/{month}/{year}"


_ISO = r"(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})"

_DATED: list[tuple[re.Pattern[str], Callable[[re.Match[str]], str]]] = [
    (re.compile(rf"^{_ISO}$"), _french_date),
    (re.compile(r"^Lots shipped in weeks (\d+)-(\d+); first seen by the customer on the day the case was "
                r"opened$"),
     lambda m: f"Lots expédiés en semaines {m.group(1)} à {m.group(2)} ; constaté par le client le jour de "
               "l'ouverture de l'analyse"),
    (re.compile(rf"^Scrap rate of paint line 2 from 4\.2 % to 2 % by {_ISO}$"),
     lambda m: f"Taux de rebut de la ligne de peinture 2 de 4,2 % à 2 % d'ici le {_french_date(m)}"),
    (re.compile(rf"^Changeover on press line 3 from 47 to 20 min by {_ISO}$"),
     lambda m: f"Changement de série sur la ligne de presses 3 de 47 à 20 min d'ici le {_french_date(m)}"),
    (re.compile(r"^Cart in use since the changeover of week (\d+)$"),
     lambda m: f"Chariot en service depuis le changement de série de la semaine {m.group(1)}"),
    (re.compile(rf"^Night shift of {_ISO}$"), lambda m: f"Équipe de nuit du {_french_date(m)}"),
    (re.compile(rf"^{_ISO}, 14:20, during truck loading$"),
     lambda m: f"{_french_date(m)}, 14 h 20, pendant le chargement des camions"),
]
"""Texts of the English demo built from ``today`` (a date, a week number), and their French wording."""


def french(text: str) -> str:
    """The French twin of one English demo text; a name, an id or an unknown text comes back as it is."""
    if text in CONTENT:
        return CONTENT[text]
    for pattern, wording in _DATED:
        match = pattern.match(text)
        if match:
            return wording(match)
    return text


# ---------------------------------------------------------------- the texts of a case


def _each_text(case: Case, change: Callable[[str], str]) -> None:
    """Apply ``change`` to every text the team typed in ``case`` (not to names, ids, dates or numbers)."""
    case.title = change(case.title)
    problem = case.problem
    for name in ("what", "where", "when", "who", "how_detected", "how_many", "why_it_matters"):
        setattr(problem, name, change(getattr(problem, name)))
    for row in problem.is_is_not:
        row.dimension, row.is_ = change(row.dimension), change(row.is_)
        row.is_not, row.distinction = change(row.is_not), change(row.distinction)
    for member in case.team:
        member.function = change(member.function)
    for record in case.steps.values():
        for key, text in list(record.fields.items()):
            record.fields[key] = change(text)
        if record.signoff is not None:
            record.signoff.note = change(record.signoff.note)
    for node in case.causes:
        node.text = change(node.text)
        for evidence in node.evidence:
            evidence.text = change(evidence.text)
    for action in case.actions:
        action.title, action.deliverable = change(action.title), change(action.deliverable)
        for evidence in action.evidence:
            evidence.text = change(evidence.text)
        check = action.effectiveness
        check.criterion, check.evidence = change(check.criterion), change(check.evidence)
    for indicator in case.indicators:
        indicator.name, indicator.unit = change(indicator.name), change(indicator.unit)
        for measurement in indicator.measurements:
            measurement.note, measurement.phase = change(measurement.note), change(measurement.phase)


def user_texts(case: Case) -> list[str]:
    """Every text the team typed in ``case``, in a fixed order (to compare a case with its twin)."""
    found: list[str] = []

    def keep(text: str) -> str:
        found.append(text)
        return text

    _each_text(case, keep)
    return found


def to_french(case: Case) -> Case:
    """Rewrite, in place, every text of a case built by ``rca.demo`` in French; returns the case."""
    _each_text(case, french)
    return case


# ---------------------------------------------------------------- the French demo


def build_demo_fr(workspace: Workspace, today: date) -> list[str]:
    """Create the French demo cases in ``workspace`` (one transaction each); returns their ids, in order."""
    created = []
    for spec in DEMO_CASES:
        def build(case: Case, ids: IdSource, spec: DemoCase = spec) -> None:
            spec.build(case, ids, today)
            to_french(case)

        case = workspace.create_case(title=french(spec.title), method=spec.method, build=build,
                                     summary=french("demo case created"))
        created.append(case.id)
    return created


def demo_cases_fr(today: date, next_action_id: Callable[[], str] | None = None) -> list[Case]:
    """The French demo cases as bare ``Case`` objects (``C-1``...), without a workspace."""
    return [to_french(case) for case in demo_cases(today, next_action_id)]
