"""The words of a metal-working plant, for generated workspaces: people, machines, defects, causes, actions.

Plain data and small helpers over a seeded ``random.Random``; nothing here imports ``rca``.
"""

from __future__ import annotations

import random

FIRST_NAMES = (
    "Claire", "Marc", "Sophie", "Karim", "Julie", "Paul", "Nadia", "Thomas", "Léa", "Hugo", "Camille", "Nicolas",
    "Inès", "Julien", "Sarah", "Antoine", "Manon", "Mehdi", "Laura", "Pierre", "Chloé", "Yann", "Emma", "Olivier",
    "Fatima", "Lucas", "Anaïs", "Rémi", "Élodie", "Sébastien", "Mathilde", "Bruno", "Aïcha", "Damien", "Pauline",
    "Grégory", "Hélène", "Samir", "Céline", "François",
)
LAST_NAMES = (
    "Martin", "Dubois", "Laurent", "Benali", "Moreau", "Girard", "Haddad", "Lefèvre", "Roux", "Fontaine", "Garnier",
    "Chevalier", "Mercier", "Blanc", "Guerin", "Boyer", "Faure", "Andre", "Rousseau", "Bonnet", "Lambert", "Dupont",
    "Perrin", "Morel", "Fournier", "Caron", "Meunier", "Brunet", "Leroy", "Nguyen",
)
FUNCTIONS = (
    "Quality engineer", "QSE coordinator", "Methods engineer", "Maintenance technician", "Production team leader",
    "Process engineer", "Logistics team leader", "Plant manager", "Supplier quality engineer", "Setter",
    "Operator", "Metrology technician", "HSE officer", "Purchasing", "Production manager", "Toolroom leader",
)

MACHINES = (
    "lathe L1", "lathe L2", "lathe L4", "CNC mill M3", "CNC mill M7", "press line 1", "press line 3",
    "paint line 2", "welding cell W2", "welding robot R5", "injection press IP-4", "injection press IP-9",
    "grinder G2", "deburring station D1", "washing machine WM-1", "assembly line A2", "conveyor C2",
    "heat-treatment furnace F1", "laser cutter LC-2", "bending press BP-3",
)
PARTS = (
    "housing H-220", "bracket B-14", "shaft S-30", "flange F-75", "cover plate CP-9", "gear G-41", "lever L-12",
    "pump body P-300", "valve seat V-18", "bonnet panel BN-2", "hinge H-7", "spacer SP-5", "bearing cap BC-60",
    "manifold M-44", "rail R-1200",
)
DEFECTS = (
    ("bore oversize", "Bore Ø52 H7 oversize"), ("crack", "Crack at the fillet radius"),
    ("burr", "Burr left on the edge after deburring"), ("scratch", "Scratches on the class A face"),
    ("craters", "Craters in the top coat"), ("porosity", "Porosity in the weld seam"),
    ("spatter", "Weld spatter on the sealing face"), ("thread", "Thread M8 not going through"),
    ("torque", "Screws under-torqued at assembly"), ("label", "Wrong label on the packaging"),
    ("flatness", "Flatness out of tolerance (0.12 mm for 0.05 mm)"), ("hardness", "Hardness below specification"),
    ("short shot", "Short shot on the clip"), ("corrosion", "Corrosion spots after 48 h in storage"),
    ("missing part", "Missing O-ring in the kit"), ("dimension", "Hole position off by 0.3 mm"),
)
INCIDENTS = (
    "Forklift near-miss at shipping dock {n}", "Oil leak under {machine}", "Operator cut on a sheet edge at "
    "{machine}", "Solvent spill at the paint kitchen", "Slip on the wet floor near {machine}",
    "Unplanned stop of {machine}: {n} h lost", "Customer audit finding on traceability", "Waste sorting non-"
    "conformity in area {n}", "Compressed-air leak on {machine}", "Noise above 85 dB(A) at {machine}",
)
CUSTOMERS = ("Axon Drives", "Agrimeca", "Valtor Automotive", "Hydrosys", "Rail Composants", "Bati-Pro",
             "Nordic Pumps", "Sud Équipements")

CATEGORIES_6M = (("manpower", "Manpower"), ("machine", "Machine"), ("method", "Method"), ("material", "Material"),
                 ("measurement", "Measurement"), ("environment", "Environment (Mother Nature)"))
EXTRA_8M = (("management", "Management"), ("maintenance", "Maintenance"))

CAUSES: dict[str, tuple[str, ...]] = {
    "manpower": (
        "Setter new on {machine}, trained on the job only", "Offset corrected by eye, not from a measurement",
        "Night shift without a team leader on {machine}", "Operator skips the first-part check when the line is late",
        "Temporary workers not briefed on the {part} instruction", "Two setters apply different tightening orders",
        "Fatigue at the end of a 10-hour shift", "Handover between shifts done orally only",
        "Operators not aware of the customer requirement on {defect}", "Polyvalence matrix out of date for {machine}",
    ),
    "machine": (
        "Spindle bearing play on {machine}", "Thermal drift of {machine} at night", "Worn clamping jaws on {machine}",
        "Coolant nozzle misaligned on {machine}", "Tool holder runout above 0.01 mm on {machine}",
        "Hydraulic pressure drops during the cycle on {machine}", "Sensor S{n} of {machine} gives false signals",
        "Fixture locating pin worn on {machine}", "Robot program offset after the crash of week {n}",
        "Backlash in the X axis of {machine}", "Die cushion pressure unstable on {machine}",
    ),
    "method": (
        "Tool wear offset not updated after an insert change", "Work instruction WI-{n} does not cover {part}",
        "No first-part approval after a program change", "Cycle time reduced without a capability study",
        "Rework loop not described in the routing of {part}", "Changeover checklist does not include the fixture",
        "Parts stored without protection between operations", "Sampling plan 1 part in {n} is too loose",
        "Program version not checked at the start of the shift", "Deburring done by hand without a standard",
    ),
    "material": (
        "Casting hardness varies between lots", "Supplier changed the raw material grade without notice",
        "Bar stock straightness out of specification", "Powder humidity above the supplier's limit",
        "Surface oxidation on coils stored outside", "Lot mixing at goods receipt", "Wrong insert grade delivered",
        "Residual stress in the blanks from the new supplier", "O-rings from a non-approved source",
    ),
    "measurement": (
        "Air gauge on {machine} out of calibration", "Part checked 1 in {n} with a caliper (resolution 0.02 mm)",
        "Gauge R&R never done on the {part} characteristic", "CMM program does not measure the {defect}",
        "Visual inspection without a limit sample", "Torque wrench not in the calibration plan",
        "Measurement done on a warm part", "Inspection sheet does not record the measured value",
        "Defect catalogue without photos for {defect}",
    ),
    "environment": (
        "Ambient temperature above 32 °C in the workshop in summer", "Dust from the grinding area reaches {machine}",
        "Humid compressed air at the blower of {machine}", "Glare from the open dock door in the afternoon",
        "Floor vibration from the press next to {machine}", "Lighting below 500 lux at the inspection table",
        "Condensation on parts after the night", "Noise hides the alarm of {machine}",
    ),
    "management": (
        "Production pressure to ship before the month end", "No budget for the gauge requested last year",
        "8D actions closed without an effectiveness check", "Objectives rewarded on output only",
    ),
    "maintenance": (
        "{machine} not on the preventive maintenance plan since it was moved",
        "Lubrication route does not include {machine}", "Spare parts for {machine} not in stock",
        "Maintenance work orders closed without a test run",
    ),
}
WHY_DEEPER = (
    "The work instruction was never updated after the {event}", "Nobody owns the {thing} since the reorganisation",
    "The PFMEA rated this failure mode detection {n} without evidence", "The risk was not in the control plan",
    "The change was not managed through the change procedure", "Training records are not checked before "
    "assigning a workstation", "The audit plan does not cover the {thing}", "Budget for the {thing} postponed twice",
    "The supplier's process change was not notified (PPAP not redone)", "The checklist was written for the old "
    "{thing}", "Maintenance plan not updated when {machine} was moved", "No feedback loop from the customer "
    "complaints to the shop floor", "The standard time does not include the check", "The alarm threshold was "
    "set at commissioning and never reviewed",
)
EVENTS = ("program change", "machine move", "supplier change", "reorganisation of the shifts", "new product launch",
          "layout change", "software update")
THINGS = ("gauge", "fixture", "instruction", "training matrix", "maintenance plan", "control plan", "tool crib",
          "first-part approval", "change procedure")

EVIDENCE_VERIFIED = (
    "Reproduced on {machine}: {n} parts out of 10 with the defect", "Measured {n} times on the floor with the team",
    "Records of weeks {n} to {m} show the same pattern", "Confirmed by the supplier's 8D, reference S-{n}",
    "Photos and measurement report MR-{n}", "Time study of {n} cycles", "Audit of the workstation on both shifts",
)
EVIDENCE_REJECTED = (
    "Measured within tolerance on {n} parts", "Records show no change in the period", "Same result on {machine} "
    "where the defect never occurs", "Certificates and {n} tests per lot within specification",
    "Training record TR-{n}: signed off", "Maintenance report MR-{n}: no play found",
)

ACTIONS: dict[str, tuple[str, ...]] = {
    "containment": (
        "Sort stock and WIP 100 % with a go/no-go gauge", "Sort {part} at the customer {customer}",
        "Quarantine lots {n} to {m}", "Add a 100 % visual check at the end of {machine}",
        "Temporary barrier and sign at dock {n}", "Stop shipments of {part} until sorted",
    ),
    "corrective": (
        "Update work instruction WI-{n} with the check after an insert change", "Install an air gauge on {machine}",
        "Add a tool-life counter on {machine}", "Replace the clamping jaws of {machine}",
        "Add {machine} to the preventive maintenance plan", "Update PFMEA and control plan of {part}",
        "Poka-yoke on the fixture of {machine}", "Train the setters of {machine} on the offset procedure",
        "Calibrate the gauges of {machine} and add them to the plan", "Change the insert grade on {machine}",
    ),
    "preventive": (
        "Extend the check to the similar machines ({machine})", "Add the lesson to the design FMEA template",
        "Review the change procedure with the methods team", "Audit the {n} similar workstations",
        "Add the failure mode to the supplier quality agreement",
    ),
    "improvement": (
        "Die cart at {machine}, die prepared during the previous run", "SMED workshop on {machine}",
        "Standard clamping height with spacer blocks", "Visual management board at {machine}",
        "Kanban for the consumables of {machine}",
    ),
}
DELIVERABLES = (
    "Instruction WI-{n} rev. {rev} published and {m} people trained", "Gauge installed, R&R below 10 %",
    "Sorting report: parts checked and rejected", "PFMEA rev. {rev} and control plan released",
    "Audit report of {n} workstations", "Maintenance plan updated in the CMMS", "Poka-yoke validated on {n} parts",
    "Training list signed", "Photo of the installation posted at the briefing",
)
CRITERIA = (
    "Zero returns for {defect} for 3 months", "No recurrence on {n} consecutive changeovers, audited",
    "Scrap rate below {n} % for 8 weeks", "Cpk above 1.33 on the characteristic", "No near-miss reported in "
    "{n} weeks", "Layered audit finds the new standard applied on both shifts",
)
RESULTS_EVIDENCE = (
    "Customer returns log: none since the change", "Audit on both shifts: applied", "SPC chart: Cpk 1.6 over 6 "
    "weeks", "Recurrence in week {n}: the action did not remove the cause", "Scrap at {n} % over 8 weeks",
)

INDICATORS = (("Scrap rate", "%", 4.0, 1.5), ("Customer returns", "ppm", 850.0, 200.0),
              ("Changeover time", "min", 47.0, 20.0), ("OEE", "%", 64.0, 75.0),
              ("Downtime", "h/week", 12.0, 4.0), ("Near-misses", "per month", 6.0, 1.0))

FIELD_TEXT = (
    "Checked on the floor with the team on {date}; see the photos in the case folder.",
    "{n} parts out of {m} affected; the customer {customer} was informed the same day.",
    "Decided in the daily meeting at {machine}: owner {person}, review on Friday.",
    "From the data of weeks {n} to {w}: the defect appears after every changeover of {machine}.",
    "The team agreed on the statement; the {part} drawing rev. {rev} is the reference.",
    "Standards updated: WI-{n} rev. {rev}, control plan, PFMEA; lessons shared with the other sites.",
)


def fill(rng: random.Random, template: str, **known: str) -> str:
    """``template`` with its placeholders drawn from the plant's vocabulary (``known`` wins)."""
    values = {
        "machine": rng.choice(MACHINES), "part": rng.choice(PARTS), "defect": rng.choice(DEFECTS)[0],
        "customer": rng.choice(CUSTOMERS), "event": rng.choice(EVENTS), "thing": rng.choice(THINGS),
        "n": str(rng.randint(2, 60)), "m": str(rng.randint(61, 120)), "w": str(rng.randint(30, 52)),
        "rev": rng.choice("BCDEFG"), "date": f"{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}",
        "person": f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}",
    }
    values.update(known)
    return template.format(**values)


def people(rng: random.Random, count: int) -> list[tuple[str, str]]:
    """``count`` distinct (name, function) pairs: the plant's staff."""
    names: list[str] = []
    while len(names) < count:
        name = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
        if name not in names:
            names.append(name)
    return [(name, rng.choice(FUNCTIONS)) for name in names]
