"""The clinician documents in Spanish: each English text of the reports (the key, as the
report writes it) and its Spanish. Written fresh for clinicians, concise and clinical;
the step names and enum words are the ones the window uses (resources/translations).
{slots} are filled by the report; keep them as they are.
"""

from __future__ import annotations

SPANISH: dict[str, str] = {
    # -- the page and its furniture
    "Page {page} of {total}": "Página {page} de {total}",
    "Confidential clinical record · {clinicians_only}": (
        "Registro clínico confidencial · {clinicians_only}"
    ),
    "For clinicians – not for clients": "Solo para profesionales",
    " · printed {when}": " · impreso el {when}",
    # -- the session brief
    "Session brief": "Resumen previo a la sesión",
    "Session brief — {name}": "Resumen previo a la sesión — {name}",
    "{name} (case {id})": "{name} (caso {id})",
    "Case": "Caso",
    "Clinician": "Profesional",
    "Safety": "Seguridad",
    "No session chosen: the case as it stands on {day}.": (
        "Sin sesión elegida: el caso tal como está el {day}."
    ),
    "No safety flag.": "Sin alerta de seguridad.",
    "Safety flag set: check before joint work or joint handouts.": (
        "Alerta de seguridad activa: revisar antes de trabajo conjunto u hojas conjuntas."
    ),
    "Safety note:": "Nota de seguridad:",
    "The safety note is not shown.": "La nota de seguridad no se muestra.",
    "Last session: plan and next steps": "Última sesión: plan y próximos pasos",
    "No earlier session has a note.": "Ninguna sesión anterior tiene nota.",
    "No next steps or plan were written in this note.": (
        "Esta nota no recoge próximos pasos ni plan."
    ),
    " … (continued in the note)": " … (sigue en la nota)",
    "private note": "nota privada",
    "draft, not signed": "borrador, sin firmar",
    "A later private session ({day}, {who}) is left out; "
    "include private sessions to see its plan.": (
        "Se omite una sesión privada posterior ({day}, {who}); "
        "incluya las sesiones privadas para ver su plan."
    ),
    "{names} together": "{names} juntos",
    "{name}, individual session": "{name}, sesión individual",
    "Where each partner stands": "Situación de cada miembro",
    "Where things stand": "Situación actual",
    "Step": "Paso",
    "Pursue / withdraw": "Buscar / retirarse",
    "Stance (0 leave – 10 stay)": "Postura (0 irse – 10 quedarse)",
    "Clarity": "Claridad",
    "Direction": "Rumbo",
    "Not recorded": "Sin registrar",
    "None recorded": "Ninguno registrado",
    "None recorded.": "Ninguno registrado.",
    "{n} of 10": "{n} de 10",
    "The loop, recently": "El ciclo, recientemente",
    "in recent sessions": "en las sesiones recientes",
    "Loop intensity": "Intensidad del ciclo",
    "The distance between the partners on pursue/withdraw": (
        "La distancia entre los miembros en buscar/retirarse"
    ),
    "At the last joint session that recorded the loop ({when}): {what}.": (
        "En la última sesión conjunta que registró el ciclo ({when}): {what}."
    ),
    "loops: {loops}": "ciclos: {loops}",
    "another loop in the therapist's words": "otro ciclo, descrito por el terapeuta",
    "intensity {n} of 10": "intensidad {n} de 10",
    "{who} flooded": "{who} se desbordó",
    "co-regulation noted": "corregulación anotada",
    "no co-regulation noted": "sin corregulación anotada",
    "{n} repair attempt, {landed} landed": "{n} intento de reparación, {landed} con efecto",
    "{n} repair attempts, {landed} landed": "{n} intentos de reparación, {landed} con efecto",
    "Attention": "Atención",
    "No attention flags.": "Sin alertas de atención.",
    "Handouts given": "Hojas entregadas",
    "{day}: {step}, to {to}": "{day}: {step}, para {to}",
    " (safety-aware version)": " (versión atenta a la seguridad)",
    " (in {language})": " (en {language})",
    "… and {n} earlier.": "… y {n} anteriores.",
    "Step guidance": "Orientación por pasos",
    "Explore: {text}": "Explorar: {text}",
    "Go gently: {text}": "Con cuidado: {text}",
    "Handout: {text}": "Hoja para llevar: {text}",
    "Shows the plan from the last session's note and no other note text; no free text "
    "from readings.": (
        "Muestra el plan de la nota de la última sesión y ningún otro texto de notas; "
        "ningún texto libre de las lecturas."
    ),
    "Private sessions are included, as the clinician chose; each value from one "
    "says where it was heard.": (
        "Se incluyen las sesiones privadas, por decisión del profesional; cada valor "
        "procedente de una indica dónde se oyó."
    ),
    "What was recorded at {n} private session is left out.": (
        "Se omite lo registrado en {n} sesión privada."
    ),
    "What was recorded at {n} private sessions are left out.": (
        "Se omite lo registrado en {n} sesiones privadas."
    ),
    "The safety note is left out.": "Se omite la nota de seguridad.",
    # -- the session note
    "Session note": "Nota de sesión",
    "Session note — {name} — {day}": "Nota de sesión — {name} — {day}",
    "Confidential clinical record": "Registro clínico confidencial",
    "DRAFT": "BORRADOR",
    "DRAFT — not signed": "BORRADOR — sin firmar",
    "Session": "Sesión",
    "{n} minutes": "{n} minutos",
    "Attendance": "Asistencia",
    "Both partners ({names})": "Ambos miembros ({names})",
    "{name} (individual session)": "{name} (sesión individual)",
    "Privacy": "Privacidad",
    "Private note (individual session)": "Nota privada (sesión individual)",
    "Note template": "Plantilla de nota",
    "Five steps": "Cinco pasos",
    "DAP": "DAP",
    "SOAP": "SOAP",
    "Steps worked on": "Pasos trabajados",
    "None tagged": "Ninguno marcado",
    "Partners' steps": "Pasos de cada miembro",
    "Nothing has been written in this note.": "Esta nota no tiene texto.",
    "Signed electronically by {who} on {when}.": "Firmada electrónicamente por {who} el {when}.",
    "Co-signed by {who} on {when}.": "Cofirmada por {who} el {when}.",
    " Last saved {when}.": " Guardada por última vez el {when}.",
    "Addenda": "Adendas",
    "Addendum {n}": "Adenda {n}",
    "Readings": "Lecturas",
    "Readings recorded with this note; locked by the signature.": (
        "Lecturas registradas con esta nota; bloqueadas por la firma."
    ),
    "Readings recorded with this draft; not yet locked.": (
        "Lecturas registradas con este borrador; aún sin bloquear."
    ),
    "The couple's loop": "El ciclo de la pareja",
    "Nothing recorded": "Nada registrado",
    "Pursue/withdraw {value} ({label})": "Buscar/retirarse {value} ({label})",
    "Stance {n} (0 leaning to leave, 10 leaning to stay)": (
        "Postura {n} (0 inclinado a irse, 10 inclinado a quedarse)"
    ),
    "Clarity {n} of 10": "Claridad {n} de 10",
    "Flooded": "Desbordado",
    "Flooded: {note}": "Desbordado: {note}",
    "Direction taking shape: {direction}": "Rumbo que va tomando forma: {direction}",
    "Loops: {loops}": "Ciclos: {loops}",
    "Intensity {n} of 10": "Intensidad {n} de 10",
    "What set it off: {trigger}": "Desencadenante: {trigger}",
    "Co-regulation: {said}.": "Corregulación: {said}.",
    "yes": "sí",
    "no": "no",
    "Repairs: {n} landed": "Reparaciones: {n} intentos",
    "Repairs: {landed} of {n} landed": "Reparaciones: {landed} de {n} con efecto",
    # -- the case summary and the progress report
    "Case summary": "Resumen del caso",
    "Progress report": "Informe de evolución",
    "Case dates": "Fechas del caso",
    "Opened {day}": "Abierto el {day}",
    "closed {day}": "cerrado el {day}",
    "active": "activo",
    "closed": "cerrado",
    "Relationship": "Relación",
    "Period": "Periodo",
    "{period} (both days included)": "{period} (ambos días incluidos)",
    "{start} to {end}": "del {start} al {end}",
    "Sessions": "Sesiones",
    "None in this period.": "Ninguna en este periodo.",
    "{n} in this period": "{n} en este periodo",
    "{n} recorded": "{n} en total",
    "in this period": "en este periodo",
    "for this case": "en este caso",
    " ({joint} joint, {alone} individual)": " ({joint} conjuntas, {alone} individuales)",
    "Safety flag set.": "Alerta de seguridad activa.",
    "Safety flag set. Safety note: {note}": "Alerta de seguridad activa. Nota de seguridad: {note}",
    "Safety flag set. The safety note is not included in this document.": (
        "Alerta de seguridad activa. La nota de seguridad no se incluye en este documento."
    ),
    "This document shows the case's structure and its recorded readings. It prints no "
    "text from session notes and no free text from readings.": (
        "Este documento muestra la estructura del caso y sus lecturas registradas. No "
        "imprime texto de las notas de sesión ni texto libre de las lecturas."
    ),
    "The safety note is included above, as the clinician chose.": (
        "La nota de seguridad figura arriba, por decisión del profesional."
    ),
    "Readings from private individual sessions are included, as the clinician chose, "
    "each marked “{mark}” and drawn hollow in the charts.": (
        "Se incluyen las lecturas de sesiones individuales privadas, por decisión del "
        "profesional, cada una marcada «{mark}» y dibujada hueca en los gráficos."
    ),
    "Steps and readings from {n} private individual session are left out; "
    "those sessions are listed, marked “{mark}”.": (
        "Se omiten los pasos y lecturas de {n} sesión individual privada; "
        "figura en la lista, marcada «{mark}»."
    ),
    "Steps and readings from {n} private individual sessions are left out; "
    "those sessions are listed, marked “{mark}”.": (
        "Se omiten los pasos y lecturas de {n} sesiones individuales privadas; "
        "figuran en la lista, marcadas «{mark}»."
    ),
    "Sessions with a private note are marked “{mark}”.": (
        "Las sesiones con nota privada van marcadas «{mark}»."
    ),
    "Private": "Privada",
    "not shown (private)": "no se muestra (privada)",
    "Other (in the therapist's words)": "Otro (descrito por el terapeuta)",
    "Partners": "Miembros",
    "Partner": "Miembro",
    "Pronouns": "Pronombres",
    "Step (latest recorded)": "Paso (último registrado)",
    "Direction (latest)": "Rumbo (último)",
    "What moved in this period": "Qué se movió en este periodo",
    "No sessions in this period.": "Ninguna sesión en este periodo.",
    "No sessions yet.": "Aún no hay sesiones.",
    "{name}'s clarity": "Claridad de {name}",
    "{name}'s step: not recorded in this period.": (
        "Paso de {name}: sin registrar en este periodo."
    ),
    "{name}'s step: {first}, recorded once ({start}).": (
        "Paso de {name}: {first}, registrado una vez ({start})."
    ),
    "{name}'s step: {first} at the start of the period ({start}) and at its end ({end}).": (
        "Paso de {name}: {first} al inicio del periodo ({start}) y al final ({end})."
    ),
    "{name}'s step: {first} at the start of the period ({start}), {last} at its end ({end}).": (
        "Paso de {name}: {first} al inicio del periodo ({start}), {last} al final ({end})."
    ),
    "Each measure gives its latest reading against the one before, then its direction over "
    "all of the period's readings: a robust line (Theil–Sen) proposes it, and it is named "
    "only when the first and last readings and the latest change agree with it; otherwise "
    "it is called mixed. Less than one point of fitted change is described as level. "
    "Clarity is how clear a partner feels, whichever way it points. The trends describe "
    "movement only; they are not a judgement about staying or leaving.": (
        "Cada medida da su última lectura frente a la anterior y luego su dirección en todas "
        "las lecturas del periodo: la propone una recta robusta (Theil–Sen) y solo se nombra "
        "cuando la primera y la última lectura y el último cambio coinciden con ella; si no, "
        "se llama mixta. Menos de un punto de cambio ajustado se describe como estable. La "
        "claridad es cuán claro se siente un miembro, hacia donde apunte. Las tendencias "
        "describen movimiento, no un juicio sobre quedarse o irse."
    ),
    "Charts": "Gráficos",
    "No steps or readings have been recorded {where}, so there are no charts.": (
        "No se han registrado pasos ni lecturas {where}; no hay gráficos."
    ),
    "Steps over time": "Pasos a lo largo del tiempo",
    "No steps have been recorded {where}.": "No se han registrado pasos {where}.",
    "Pursue and withdraw": "Buscar y retirarse",
    "No pursue/withdraw positions have been recorded {where}.": (
        "No se han registrado posiciones de buscar/retirarse {where}."
    ),
    "Loop intensity, flooding and co-regulation": (
        "Intensidad del ciclo, desborde emocional y corregulación"
    ),
    "No loop intensity, flooding or co-regulation has been recorded {where}.": (
        "No se ha registrado intensidad del ciclo, desborde ni corregulación {where}."
    ),
    "Loop intensity (0–10)": "Intensidad del ciclo (0–10)",
    "{name} flooded": "{name} se desbordó",
    "flooded": "desborde",
    "distance between them": "distancia entre ellos",
    "pursuing": "busca",
    "neither": "ninguno",
    "withdrawing": "se retira",
    "intensity": "intensidad",
    "flooding": "desborde",
    "co-regulation": "corregulación",
    "hollow: individual session (private)": "hueco: sesión individual (privada)",
    "Recurring loops": "Ciclos recurrentes",
    "Loop": "Ciclo",
    "First recorded": "Primer registro",
    "Last recorded": "Último registro",
    "No loops have been recorded {where}.": "No se han registrado ciclos {where}.",
    "Themes": "Temas",
    "Steps worked on (note tags)": "Pasos trabajados (etiquetas de nota)",
    "No session is tagged with a step.": "Ninguna sesión está etiquetada con un paso.",
    "{name} in {sessions}": "{name} en {sessions}",
    "{n} session": "{n} sesión",
    "{n} sessions": "{n} sesiones",
    "Flooding recorded: {parts}.": "Desborde registrado: {parts}.",
    "Co-regulation noted in {n} of the {sessions} that recorded whether it happened.": (
        "Corregulación anotada en {n} de las {sessions} que registraron si ocurrió."
    ),
    "Repair attempts recorded: {n}, of which {landed} landed, over {sessions}.": (
        "Intentos de reparación registrados: {n}, {landed} con efecto, en {sessions}."
    ),
    "Date": "Fecha",
    "Modality": "Modalidad",
    "Note": "Nota",
    "Joint": "Conjunta",
    "Signed": "Firmada",
    "Draft": "Borrador",
    "Locked text": "Texto bloqueado",
    "Booked": "Reservada",
    "No note": "Sin nota",
    # -- trends (domain/movement.py's sentences)
    "not recorded yet": "aún sin registrar",
    "{n} of {top}": "{n} de {top}",
    "{n} point apart": "{n} punto de distancia",
    "{n} points apart": "{n} puntos de distancia",
    "{now} (the first reading)": "{now} (primera lectura)",
    "{now}, the same as last time": "{now}, igual que la vez anterior",
    "{now}, up from {n} last time": "{now}, sube desde {n} la vez anterior",
    "{now}, down from {n} last time": "{now}, baja desde {n} la vez anterior",
    "{subject}: not recorded {where}.": "{subject}: sin registrar {where}.",
    "{subject}: {value} at the latest reading ({when})": (
        "{subject}: {value} en la última lectura ({when})"
    ),
    ", the only reading {where}; a trend needs at least {n}.": (
        ", única lectura {where}; una tendencia necesita al menos {n}."
    ),
    ", unchanged from the one before ({when})": ", sin cambios respecto a la anterior ({when})",
    ", up from {n} at the one before ({when})": ", sube desde {n} en la anterior ({when})",
    ", down from {n} at the one before ({when})": ", baja desde {n} en la anterior ({when})",
    "; {count} readings {where} are too few for a trend (at least {n}).": (
        "; {count} lecturas {where} son pocas para una tendencia (al menos {n})."
    ),
    "; over {count} readings {where}, from {first} to {last}, {verb}.": (
        "; en {count} lecturas {where}, de {first} a {last}, {verb}."
    ),
    "easing": "bajando",
    "rising": "subiendo",
    "steady": "estable",
    "mixed": "mixta",
    "too few readings for a trend": "muy pocas lecturas para una tendencia",
    "drawing closer": "acercándose",
    "moving apart": "alejándose",
    "growing": "creciendo",
    "lessening": "disminuyendo",
    "it eased": "bajó",
    "it rose": "subió",
    "it held about level": "se mantuvo más o menos igual",
    "it narrowed: the partners moved closer": "se redujo: los miembros se acercaron",
    "it widened: the partners moved further apart": "aumentó: los miembros se alejaron",
    "it stayed about the same": "se mantuvo más o menos igual",
    "it grew": "creció",
    "it lessened": "disminuyó",
    "no clear direction: the readings do not agree (mixed)": (
        "sin dirección clara: las lecturas no coinciden (mixta)"
    ),
    # -- attention flags (domain/measures.py)
    "Partners are at different steps ({a}: {a_step}; {b}: {b_step}).": (
        "Los miembros de la pareja están en pasos distintos ({a}: {a_step}; {b}: {b_step})."
    ),
    "{name} flooded in each of the last {n} sessions they attended": (
        "{name} se desbordó en cada una de sus últimas {n} sesiones"
    ),
    "Loop intensity has risen {n} sessions running ({values}).": (
        "La intensidad del ciclo ha subido {n} sesiones seguidas ({values})."
    ),
    "Loop intensity rose sharply, from {low} to {high}, at the latest session that "
    "recorded it ({on}), and {who} flooded.": (
        "La intensidad del ciclo subió bruscamente, de {low} a {high}, en la última sesión "
        "que la registró ({on}), y {who} se desbordó."
    ),
    "No co-regulation noted in the last {n} joint sessions that recorded it.": (
        "No se anotó corregulación en las últimas {n} sesiones conjuntas que la registraron."
    ),
    "No session in the last {n} days (last on {last}).": (
        "Ninguna sesión en los últimos {n} días (la última, el {last})."
    ),
    # -- the domain's names
    "Notice the Shift": "Notar el cambio",
    "Name What's Happening": "Nombrar lo que pasa",
    "Lean In": "Explorar sin prisa",
    "Find Your Direction": "Encontrar tu rumbo",
    "Move Forward with Intention": "Avanzar con intención",
    "Repair": "Reparar",
    "Redefinition": "Redefinir",
    "Letting go": "Soltar",
    "Not yet clear": "Sin decidir",
    "Pursue – withdraw": "Buscar – retirarse",
    "Talk – shut down": "Hablar – cerrarse",
    "Try harder – feel more distant": "Esforzarse más – sentirse más lejos",
    "Attack – attack": "Atacar – atacar",
    "Withdraw – withdraw": "Retirarse – retirarse",
    "Strongly withdrawing": "Se retira mucho",
    "Withdrawing": "Se retira",
    "Leaning to withdraw": "Tiende a retirarse",
    "Neither": "Ninguno",
    "Leaning to pursue": "Tiende a buscar",
    "Pursuing": "Busca",
    "Strongly pursuing": "Busca mucho",
    "Couple": "Pareja",
    "Individual": "Individual",
    "In person": "Presencial",
    "Telehealth": "Telesalud",
    "Scheduled": "Programada",
    "Held": "Realizada",
    "Cancelled": "Cancelada",
    "Late cancellation": "Cancelación tardía",
    "No-show": "No se presentó",
    "Married": "Casados",
    "Partnered, living together": "En pareja, conviviendo",
    "Dating": "Saliendo",
    "Situationship": "Relación sin definir",
    "Consensually non-monogamous": "No monógama consensuada",
    "Separated, co-parenting": "Separados, con crianza compartida",
    "Separated": "Separados",
    "individual session": "sesión individual",
    "private session": "sesión privada",
    "Both partners": "Ambos",
    "English": "inglés",
    "Spanish": "español",
    # -- the treatment plan (reports/plan.py)
    "Treatment plan": "Plan de tratamiento",
    "version {n}": "versión {n}",
    "The couple": "La pareja",
    "Brings": "Motivo de consulta",
    "Goal {n}: {text}": "Objetivo {n}: {text}",
    " — by {day}": " — para el {day}",
    "Interventions": "Intervenciones",
    "Review": "Revisión",
    "Plan review on {day}.": "Revisión del plan el {day}.",
    "not set": "sin fecha",
    "While we are unsure": "Mientras no lo tengamos claro",
    "To be looked at again on {day}.": "Se revisará de nuevo el {day}.",
    "This plan was signed electronically by {who} on {when}.": (
        "Plan firmado electrónicamente por {who} el {when}."
    ),
    "Acknowledgement": "Conformidad",
    "Signature": "Firma",
    "We have talked this plan through with our therapist. It describes what we are working "
    "on while we find our way; it asks no decision of either of us.": (
        "Hemos hablado de este plan en la terapia. Recoge aquello en lo que trabajamos "
        "mientras buscamos nuestro camino; no pide a ninguno de los dos que tome una "
        "decisión."
    ),
    # -- the plan in the session brief (reports/brief_plan.py)
    "Review due: {day}": "Revisión pendiente: {day}",
    "Review on {day}": "Revisión el {day}",
    "Goals of the plan": "Objetivos del plan",
    "Goals of the plan (version {n})": "Objetivos del plan (versión {n})",
    "No treatment plan is signed yet.": "Aún no hay un plan de tratamiento firmado.",
    "The plan in force has no goals.": "El plan vigente no tiene objetivos.",
    # -- the progress report's goals and measures (reports/progress_plan.py)
    "The goals of the plan in force (version {n}), with the progress marks the session "
    "notes of this period gave them.": (
        "Objetivos del plan vigente (versión {n}), con las marcas de avance que les dieron "
        "las notas de sesión de este periodo."
    ),
    "Goal": "Objetivo",
    "Progress marks": "Marcas de avance",
    "Not marked in this period": "Sin marcas en este periodo",
    "Worked on": "Trabajado",
    "Moving": "Avanzando",
    "Steady": "Estable",
    "Harder for now": "Más difícil por ahora",
    "Check-in measures": "Cuestionarios de seguimiento",
    "No check-in was answered in this period.": (
        "No se respondió ningún cuestionario en este periodo."
    ),
    "Gap": "Diferencia",
    "{n} goal mark from a private session is left out.": (
        "Se omite {n} marca de objetivo de una sesión privada."
    ),
    "{n} goal marks from private sessions are left out.": (
        "Se omiten {n} marcas de objetivos de sesiones privadas."
    ),
    "{n} check-in from a private session is left out.": (
        "Se omite {n} cuestionario de una sesión privada."
    ),
    "{n} check-ins from private sessions are left out.": (
        "Se omiten {n} cuestionarios de sesiones privadas."
    ),
    # -- note sections (domain/templates.py)
    "Focus of the session": "Foco de la sesión",
    "Noticing the shift": "Notar el cambio",
    "Naming what's happening": "Nombrar lo que pasa",
    "Leaning in": "Explorar sin prisa",
    "Moments": "Momentos",
    "Next steps": "Próximos pasos",
    "Safety and risk": "Seguridad y riesgo",
    "Data": "Datos",
    "Assessment": "Evaluación",
    "Plan": "Plan",
    "Subjective": "Subjetivo",
    "Objective": "Objetivo",
    "Jotted during the session": "Anotado durante la sesión",
}
