<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>AddPersonDialog</name>
    <message>
        <source>Add a person to the staff</source>
        <translation>Añadir una persona al equipo</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Añadir</translation>
    </message>
    <message>
        <source>Letters, digits and _; for example kim</source>
        <translation>Letras, cifras y _; por ejemplo kim</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>Usuario</translation>
    </message>
    <message>
        <source>As it should appear on signed notes</source>
        <translation>Tal como debe aparecer en las notas firmadas</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Función</translation>
    </message>
    <message>
        <source>For example LMFT, PhD</source>
        <translation>Por ejemplo LMFT, PhD</translation>
    </message>
    <message>
        <source>Credentials</source>
        <translation>Titulación</translation>
    </message>
    <message>
        <source>First password</source>
        <translation>Primera contraseña</translation>
    </message>
    <message>
        <source>Repeat the password</source>
        <translation>Repetir la contraseña</translation>
    </message>
    <message>
        <source>At least %d characters. Give it to the person privately; they can change it once signed in.</source>
        <translation>Al menos %d caracteres. Entréguela a la persona en privado; podrá cambiarla en cuanto inicie sesión.</translation>
    </message>
    <message>
        <source>&amp;Login</source>
        <translation>&amp;Usuario</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Nombre</translation>
    </message>
    <message>
        <source>R&amp;ole</source>
        <translation>&amp;Función</translation>
    </message>
    <message>
        <source>Cre&amp;dentials</source>
        <translation>Titu&amp;lación</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>&amp;Contraseña</translation>
    </message>
    <message>
        <source>Rep&amp;eat password</source>
        <translation>&amp;Repetir la contraseña</translation>
    </message>
    <message>
        <source>Please fill in the login and the name.</source>
        <translation>Escriba el usuario y el nombre.</translation>
    </message>
    <message>
        <source>The two passwords do not match.</source>
        <translation>Las dos contraseñas no coinciden.</translation>
    </message>
    <message>
        <source>Adding…</source>
        <translation>Añadiendo…</translation>
    </message>
</context>
<context>
    <name>AddendaPanel</name>
    <message>
        <source>A correction or later information. Once added it is dated and cannot be changed. Ctrl+Enter adds it.</source>
        <translation>Una corrección o información posterior. Una vez añadida, queda fechada y no se puede cambiar. Ctrl+Intro la añade.</translation>
    </message>
    <message>
        <source>New addendum</source>
        <translation>Nueva adenda</translation>
    </message>
    <message>
        <source>&amp;Add addendum</source>
        <translation>A&amp;ñadir adenda</translation>
    </message>
    <message>
        <source>Add the addendum</source>
        <translation>Añadir la adenda</translation>
    </message>
    <message>
        <source>Add the addendum (Ctrl+Enter)</source>
        <translation>Añadir la adenda (Ctrl+Intro)</translation>
    </message>
    <message>
        <source>Add the addendum (asks first)</source>
        <translation>Añadir la adenda (pregunta antes)</translation>
    </message>
    <message>
        <source>Addenda</source>
        <translation>Adendas</translation>
    </message>
    <message>
        <source>&lt;b&gt;Addendum, %s, %s&lt;/b&gt;&lt;br&gt;%s</source>
        <translation>&lt;b&gt;Adenda, %s, %s&lt;/b&gt;&lt;br&gt;%s</translation>
    </message>
    <message>
        <source>Add this addendum?</source>
        <translation>¿Añadir esta adenda?</translation>
    </message>
    <message>
        <source>Once added, the addendum is dated and cannot be changed.</source>
        <translation>Una vez añadida, la adenda queda fechada y no se puede cambiar.</translation>
    </message>
    <message>
        <source>Add addendum</source>
        <translation>Añadir adenda</translation>
    </message>
</context>
<context>
    <name>AgreementBox</name>
    <message>
        <source>While we are unsure</source>
        <translation>Mientras no lo tengamos claro</translation>
    </message>
    <message>
        <source>Review due: %1</source>
        <translation>Revisión pendiente: %1</translation>
    </message>
    <message>
        <source>Review on %1</source>
        <translation>Revisión el %1</translation>
    </message>
</context>
<context>
    <name>AnswerSetModel</name>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>Persona</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Sesión</translation>
    </message>
    <message>
        <source>Entered</source>
        <translation>Cómo se anotó</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Registro</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Puntuación</translation>
    </message>
    <message>
        <source>No session</source>
        <translation>Sin sesión</translation>
    </message>
    <message>
        <source>From paper</source>
        <translation>En papel</translation>
    </message>
    <message>
        <source>On screen</source>
        <translation>En pantalla</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>Firmado</translation>
    </message>
    <message>
        <source>Can be corrected</source>
        <translation>Se puede corregir</translation>
    </message>
    <message>
        <source>Part of a signed session&apos;s record: kept as it is.</source>
        <translation>Forma parte del registro de una sesión firmada: se conserva tal cual.</translation>
    </message>
    <message>
        <source>Can be removed until the session&apos;s note is signed.</source>
        <translation>Se puede quitar mientras la nota de la sesión no esté firmada.</translation>
    </message>
</context>
<context>
    <name>AppController</name>
    <message>
        <source>Preparing the demo practice…</source>
        <translation>Preparando la consulta de demostración…</translation>
    </message>
    <message>
        <source>Password changed.</source>
        <translation>Contraseña cambiada.</translation>
    </message>
    <message>
        <source>The practice file is damaged</source>
        <translation>El archivo de la consulta está dañado</translation>
    </message>
    <message>
        <source>Clarity found damage in the practice file, so some records may be missing or wrong. Nothing has been changed. Restoring the newest backup brings back a sound copy; the damaged file is kept beside it.</source>
        <translation>Clarity encontró daños en el archivo de la consulta, así que algunos registros pueden faltar o ser incorrectos. No se ha cambiado nada. Restaurar la copia de seguridad más reciente devuelve una copia sana; el archivo dañado se conserva a su lado.</translation>
    </message>
    <message>
        <source>Restore from a backup…</source>
        <translation>Restaurar desde una copia de seguridad…</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>Ahora no</translation>
    </message>
    <message>
        <source>The practice server needs care</source>
        <translation>El servidor de la consulta necesita atención</translation>
    </message>
    <message>
        <source>Clarity found that the practice server&apos;s protections are not all in place. Nothing has been changed. Please tell your practice&apos;s administrator.</source>
        <translation>Clarity ha visto que no todas las protecciones del servidor de la consulta están en su sitio. No se ha cambiado nada. Avise, por favor, a quien administra la consulta.</translation>
    </message>
</context>
<context>
    <name>AssignCaseDialog</name>
    <message>
        <source>Assign a case</source>
        <translation>Asignar un caso</translation>
    </message>
    <message>
        <source>&amp;Assign</source>
        <translation>&amp;Asignar</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Caso</translation>
    </message>
    <message>
        <source>%s (case %d, %s)</source>
        <translation>%s (caso %d, %s)</translation>
    </message>
    <message>
        <source>Clinician</source>
        <translation>Profesional</translation>
    </message>
    <message>
        <source>&amp;Take the case back from them instead</source>
        <translation>&amp;Retirarle el caso en su lugar</translation>
    </message>
    <message>
        <source>Take &amp;back</source>
        <translation>Re&amp;tirar</translation>
    </message>
    <message>
        <source>Ca&amp;se</source>
        <translation>Ca&amp;so</translation>
    </message>
    <message>
        <source>C&amp;linician</source>
        <translation>&amp;Profesional</translation>
    </message>
    <message>
        <source>The practice has no cases yet.</source>
        <translation>La consulta aún no tiene casos.</translation>
    </message>
    <message>
        <source>Please choose a case and a clinician.</source>
        <translation>Elija un caso y un profesional.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Guardando…</translation>
    </message>
</context>
<context>
    <name>AuditDialog</name>
    <message>
        <source>Audit trail</source>
        <translation>Registro de auditoría</translation>
    </message>
    <message>
        <source>All cases</source>
        <translation>Todos los casos</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Caso</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Acción</translation>
    </message>
    <message>
        <source>All actions</source>
        <translation>Todas las acciones</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>&amp;Desde</translation>
    </message>
    <message>
        <source>From date</source>
        <translation>Fecha inicial</translation>
    </message>
    <message>
        <source>&amp;To</source>
        <translation>&amp;Hasta</translation>
    </message>
    <message>
        <source>To date</source>
        <translation>Fecha final</translation>
    </message>
    <message>
        <source>Audit entries</source>
        <translation>Entradas de auditoría</translation>
    </message>
    <message>
        <source>Audit trail status</source>
        <translation>Estado del registro de auditoría</translation>
    </message>
    <message>
        <source>&amp;Verify the trail</source>
        <translation>&amp;Verificar el registro</translation>
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation>&amp;Exportar CSV…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>%d entries, newest first</source>
        <translation>%d entradas, las más recientes primero</translation>
    </message>
    <message>
        <source>Verified: all %d entries are intact and in order.</source>
        <translation>Verificado: las %d entradas están intactas y en orden.</translation>
    </message>
    <message>
        <source>The trail is broken at entry %d: it was changed or removed outside the program.</source>
        <translation>El registro se rompe en la entrada %d: se cambió o se eliminó fuera del programa.</translation>
    </message>
    <message>
        <source>Export the audit trail</source>
        <translation>Exportar el registro de auditoría</translation>
    </message>
    <message>
        <source>Wrote %d entries to %s.</source>
        <translation>Se escribieron %d entradas en %s.</translation>
    </message>
</context>
<context>
    <name>AuditTableModel</name>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Quién</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Acción</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Registro</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Caso</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Detalle</translation>
    </message>
    <message>
        <source>session of %s</source>
        <translation>sesión de %s</translation>
    </message>
    <message>
        <source>note of %s</source>
        <translation>nota de %s</translation>
    </message>
    <message>
        <source>addendum to the note of %s</source>
        <translation>adenda a la nota de %s</translation>
    </message>
    <message>
        <source>the case</source>
        <translation>el caso</translation>
    </message>
    <message>
        <source>the practice</source>
        <translation>la consulta</translation>
    </message>
    <message>
        <source>the audit trail</source>
        <translation>el registro de auditoría</translation>
    </message>
    <message>
        <source>the client directory</source>
        <translation>el directorio de clientes</translation>
    </message>
    <message>
        <source>the practice&apos;s emergency key</source>
        <translation>la clave de emergencia de la consulta</translation>
    </message>
</context>
<context>
    <name>BriefDialog</name>
    <message>
        <source>Session brief</source>
        <translation>Resumen para la sesión</translation>
    </message>
    <message>
        <source>Session the brief prepares</source>
        <translation>Sesión que prepara el resumen</translation>
    </message>
    <message>
        <source>No session yet: the case as it stands</source>
        <translation>Aún no hay sesión: el caso tal como está</translation>
    </message>
    <message>
        <source>S&amp;ession</source>
        <translation>S&amp;esión</translation>
    </message>
    <message>
        <source>Safety flag</source>
        <translation>Alerta de seguridad</translation>
    </message>
    <message>
        <source>Show pr&amp;ivate sessions</source>
        <translation>Mostrar sesiones &amp;individuales</translation>
    </message>
    <message>
        <source>Steps, readings and plans recorded at private individual sessions; hidden so the brief can be on screen with the couple.</source>
        <translation>Pasos, lecturas y planes registrados en sesiones individuales privadas; ocultos para poder mostrar el resumen en pantalla con la pareja.</translation>
    </message>
    <message>
        <source>Show the safety &amp;note</source>
        <translation>Mostrar la &amp;nota de seguridad</translation>
    </message>
    <message>
        <source>Start &amp;session mode (%s)</source>
        <translation>Iniciar el &amp;modo sesión (%s)</translation>
    </message>
    <message>
        <source>Start session mode</source>
        <translation>Iniciar el modo sesión</translation>
    </message>
    <message>
        <source>Sa&amp;ve PDF…</source>
        <translation>&amp;Guardar PDF…</translation>
    </message>
    <message>
        <source>Save the brief as a one-page PDF (Ctrl+S)</source>
        <translation>Guardar el resumen como PDF de una página (Ctrl+S)</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>Im&amp;primir…</translation>
    </message>
    <message>
        <source>Print the brief on one page (Ctrl+P)</source>
        <translation>Imprimir el resumen en una página (Ctrl+P)</translation>
    </message>
    <message>
        <source>C&amp;lose</source>
        <translation>Ce&amp;rrar</translation>
    </message>
    <message>
        <source>Brief not shown</source>
        <translation>Resumen no mostrado</translation>
    </message>
    <message>
        <source>Session brief — %s</source>
        <translation>Resumen para la sesión — %s</translation>
    </message>
    <message>
        <source>While we are unsure</source>
        <translation>Mientras no lo tengamos claro</translation>
    </message>
    <message>
        <source>Last session: plan and next steps</source>
        <translation>Última sesión: plan y próximos pasos</translation>
    </message>
    <message>
        <source>Where each partner stands</source>
        <translation>Dónde está cada miembro de la pareja</translation>
    </message>
    <message>
        <source>Where things stand</source>
        <translation>Cómo están las cosas</translation>
    </message>
    <message>
        <source>The loop, recently</source>
        <translation>El ciclo, últimamente</translation>
    </message>
    <message>
        <source>Attention</source>
        <translation>Atención</translation>
    </message>
    <message>
        <source>No attention flags.</source>
        <translation>Sin avisos de atención.</translation>
    </message>
    <message>
        <source>Handouts given</source>
        <translation>Hojas para llevar entregadas</translation>
    </message>
    <message>
        <source>None recorded.</source>
        <translation>Nada registrado.</translation>
    </message>
    <message>
        <source>Guidance: %s — %s</source>
        <translation>Orientación: %s — %s</translation>
    </message>
    <message>
        <source>Timer, note pad and one-key markers for this session</source>
        <translation>Temporizador, bloc de notas y marcadores de una tecla para esta sesión</translation>
    </message>
    <message>
        <source>Session mode is for a booked session, or one whose note is not signed yet.</source>
        <translation>El modo sesión es para una sesión reservada o cuya nota aún no está firmada.</translation>
    </message>
    <message>
        <source>No earlier session has a note.</source>
        <translation>Ninguna sesión anterior tiene nota.</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Paso</translation>
    </message>
    <message>
        <source>Pursue / withdraw</source>
        <translation>Buscar / retirarse</translation>
    </message>
    <message>
        <source>Stance (0 leave – 10 stay)</source>
        <translation>Postura (0 irse – 10 quedarse)</translation>
    </message>
    <message>
        <source>Clarity</source>
        <translation>Claridad</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Rumbo</translation>
    </message>
    <message>
        <source>Explore</source>
        <translation>Explorar</translation>
    </message>
    <message>
        <source>Go gently</source>
        <translation>Con cuidado</translation>
    </message>
    <message>
        <source>Handout</source>
        <translation>Hoja para llevar</translation>
    </message>
    <message>
        <source>Preparing the PDF…</source>
        <translation>Preparando el PDF…</translation>
    </message>
    <message>
        <source>Brief not made</source>
        <translation>Resumen no creado</translation>
    </message>
    <message>
        <source>Save the brief as PDF</source>
        <translation>Guardar el resumen como PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Archivos PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Saved as %s.</source>
        <translation>Guardado como %s.</translation>
    </message>
    <message>
        <source>Print the brief</source>
        <translation>Imprimir el resumen</translation>
    </message>
    <message>
        <source>Sent to the printer.</source>
        <translation>Enviado a la impresora.</translation>
    </message>
</context>
<context>
    <name>CallOffDialog</name>
    <message>
        <source>Session not taking place</source>
        <translation>La sesión no se realiza</translation>
    </message>
    <message>
        <source>Cancelled in good time</source>
        <translation>Cancelada con antelación</translation>
    </message>
    <message>
        <source>Cancelled late (inside the notice you ask for)</source>
        <translation>Cancelada tarde (dentro del plazo de aviso que pide)</translation>
    </message>
    <message>
        <source>No-show: nobody came</source>
        <translation>No se presentó: no vino nadie</translation>
    </message>
    <message>
        <source>&amp;Reason (kept in the record)</source>
        <translation>&amp;Motivo (queda en el registro)</translation>
    </message>
    <message>
        <source>For example: they called in the morning, ill.</source>
        <translation>Por ejemplo: llamaron por la mañana, enfermos.</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Registro</translation>
    </message>
    <message>
        <source>Go back</source>
        <translation>Volver</translation>
    </message>
    <message>
        <source>The reason is too long (at most %d characters).</source>
        <translation>El motivo es demasiado largo (como máximo %d caracteres).</translation>
    </message>
</context>
<context>
    <name>CaseDashboard</name>
    <message>
        <source>Open a case to see how its sessions are moving.</source>
        <translation>Abra un caso para ver cómo evolucionan sus sesiones.</translation>
    </message>
    <message>
        <source>Show readings from private individual sessions</source>
        <translation>Mostrar lecturas de sesiones individuales privadas</translation>
    </message>
    <message>
        <source>Left out by default, so this screen can be shown to the couple. Shown, they are drawn hollow and marked in the tooltips. Cleared when another case opens.</source>
        <translation>Se omiten por defecto, para poder mostrar esta pantalla a la pareja. Si se muestran, aparecen huecas y marcadas en las descripciones emergentes. Se ocultan al abrir otro caso.</translation>
    </message>
    <message>
        <source>Steps of each partner over sessions</source>
        <translation>Pasos de cada miembro de la pareja a lo largo de las sesiones</translation>
    </message>
    <message>
        <source>Pursue and withdraw positions over sessions</source>
        <translation>Posiciones de buscar y retirarse a lo largo de las sesiones</translation>
    </message>
    <message>
        <source>Loop intensity, flooding and co-regulation over sessions</source>
        <translation>Intensidad del ciclo, desborde emocional y corregulación a lo largo de las sesiones</translation>
    </message>
    <message>
        <source>Stance and clarity of each partner over sessions</source>
        <translation>Postura y claridad de cada miembro de la pareja a lo largo de las sesiones</translation>
    </message>
    <message>
        <source>Charts appear once two sessions have readings. Record readings in the Dynamics panel beside the note.</source>
        <translation>Los gráficos aparecen cuando dos sesiones tienen lecturas. Registre lecturas en el panel Dinámica junto a la nota.</translation>
    </message>
    <message>
        <source>Show readings from private individual sessions (%d)</source>
        <translation>Mostrar lecturas de sesiones individuales privadas (%d)</translation>
    </message>
    <message>
        <source>Direction taking shape:</source>
        <translation>Rumbo que va tomando forma:</translation>
    </message>
    <message>
        <source>hollow: individual session (private)</source>
        <translation>hueco: sesión individual (privada)</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>Pasos</translation>
    </message>
    <message>
        <source>Pursue and withdraw</source>
        <translation>Buscar y retirarse</translation>
    </message>
    <message>
        <source>Loop intensity</source>
        <translation>Intensidad del ciclo</translation>
    </message>
    <message>
        <source>Stance (thick lines) and clarity (thin lines)</source>
        <translation>Postura (líneas gruesas) y claridad (líneas finas)</translation>
    </message>
    <message>
        <source>withdrawing</source>
        <translation>se retira</translation>
    </message>
    <message>
        <source>neither</source>
        <translation>ninguno</translation>
    </message>
    <message>
        <source>pursuing</source>
        <translation>busca</translation>
    </message>
    <message>
        <source>distance between them</source>
        <translation>distancia entre ellos</translation>
    </message>
    <message>
        <source>co-regulation</source>
        <translation>corregulación</translation>
    </message>
    <message>
        <source>flooding</source>
        <translation>desborde emocional</translation>
    </message>
    <message>
        <source>Loop intensity · individual sessions</source>
        <translation>Intensidad del ciclo · sesiones individuales</translation>
    </message>
    <message>
        <source>%s flooded</source>
        <translation>%s se desbordó</translation>
    </message>
    <message>
        <source>Flooding</source>
        <translation>Desborde emocional</translation>
    </message>
    <message>
        <source>Co-regulation</source>
        <translation>Corregulación</translation>
    </message>
    <message>
        <source>toward&lt;br&gt;leaving</source>
        <translation>hacia&lt;br&gt;irse</translation>
    </message>
    <message>
        <source>toward&lt;br&gt;staying</source>
        <translation>hacia&lt;br&gt;quedarse</translation>
    </message>
    <message>
        <source>clarity</source>
        <translation>claridad</translation>
    </message>
    <message>
        <source>%s · clarity</source>
        <translation>%s · claridad</translation>
    </message>
    <message>
        <source>%s · joint session</source>
        <translation>%s · sesión conjunta</translation>
    </message>
    <message>
        <source>%s · private note</source>
        <translation>%s · nota privada</translation>
    </message>
    <message>
        <source>%s · individual session (%s)</source>
        <translation>%s · sesión individual (%s)</translation>
    </message>
    <message>
        <source>%s · private</source>
        <translation>%s · privada</translation>
    </message>
    <message>
        <source>step not recorded</source>
        <translation>paso no registrado</translation>
    </message>
    <message>
        <source> · direction: %s</source>
        <translation> · rumbo: %s</translation>
    </message>
    <message>
        <source>%s: not observed</source>
        <translation>%s: no observado</translation>
    </message>
    <message>
        <source>Distance between them: %d</source>
        <translation>Distancia entre ellos: %d</translation>
    </message>
    <message>
        <source>Loop intensity: %d of 10</source>
        <translation>Intensidad del ciclo: %d de 10</translation>
    </message>
    <message>
        <source>Loop intensity: not recorded</source>
        <translation>Intensidad del ciclo: no registrada</translation>
    </message>
    <message>
        <source>Loop: %s</source>
        <translation>Ciclo: %s</translation>
    </message>
    <message>
        <source>Flooded: %s</source>
        <translation>Desborde emocional: %s</translation>
    </message>
    <message>
        <source>Co-regulation: yes</source>
        <translation>Corregulación: sí</translation>
    </message>
    <message>
        <source>Co-regulation: not seen</source>
        <translation>Corregulación: no observada</translation>
    </message>
    <message>
        <source>%s: stance %s, clarity %s</source>
        <translation>%s: postura %s, claridad %s</translation>
    </message>
    <message>
        <source>(stance 0 = toward leaving, 10 = toward staying; clarity 0-10)</source>
        <translation>(postura 0 = hacia irse, 10 = hacia quedarse; claridad 0-10)</translation>
    </message>
</context>
<context>
    <name>CaseDialog</name>
    <message>
        <source>Edit case</source>
        <translation>Editar caso</translation>
    </message>
    <message>
        <source>New case</source>
        <translation>Nuevo caso</translation>
    </message>
    <message>
        <source>Co&amp;uple</source>
        <translation>Pare&amp;ja</translation>
    </message>
    <message>
        <source>&amp;Individual</source>
        <translation>&amp;Individual</translation>
    </message>
    <message>
        <source>Choose one or type your own words</source>
        <translation>Elija una opción o escriba sus propias palabras</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Caso</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Case na&amp;me</source>
        <translation>No&amp;mbre del caso</translation>
    </message>
    <message>
        <source>&amp;Relationship</source>
        <translation>&amp;Relación</translation>
    </message>
    <message>
        <source>&amp;Opened on</source>
        <translation>&amp;Abierto el</translation>
    </message>
    <message>
        <source>Partner 1</source>
        <translation>Persona 1</translation>
    </message>
    <message>
        <source>Partner 2</source>
        <translation>Persona 2</translation>
    </message>
    <message>
        <source>&amp;Safety flag</source>
        <translation>Alerta de &amp;seguridad</translation>
    </message>
    <message>
        <source>Set when intimate partner violence or another safety concern makes joint work need extra care.</source>
        <translation>Márquela cuando la violencia en la pareja u otro riesgo para la seguridad exija un cuidado especial en el trabajo conjunto.</translation>
    </message>
    <message>
        <source>A few words on the concern</source>
        <translation>Unas palabras sobre el riesgo</translation>
    </message>
    <message>
        <source>Safety</source>
        <translation>Seguridad</translation>
    </message>
    <message>
        <source>No&amp;te</source>
        <translation>No&amp;ta</translation>
    </message>
    <message>
        <source>Case name</source>
        <translation>Nombre del caso</translation>
    </message>
    <message>
        <source>Relationship structure</source>
        <translation>Tipo de relación</translation>
    </message>
    <message>
        <source>Opened on</source>
        <translation>Abierto el</translation>
    </message>
    <message>
        <source>Safety flag</source>
        <translation>Alerta de seguridad</translation>
    </message>
    <message>
        <source>Safety note</source>
        <translation>Nota de seguridad</translation>
    </message>
    <message>
        <source>Couple case</source>
        <translation>Caso de pareja</translation>
    </message>
    <message>
        <source>Individual case</source>
        <translation>Caso individual</translation>
    </message>
    <message>
        <source>Couple</source>
        <translation>Pareja</translation>
    </message>
    <message>
        <source>Individual</source>
        <translation>Individual</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <source>Leave empty to use the partners&apos; names</source>
        <translation>Déjelo vacío para usar los nombres de la pareja</translation>
    </message>
    <message>
        <source>Leave empty to use the client&apos;s name</source>
        <translation>Déjelo vacío para usar el nombre del cliente</translation>
    </message>
</context>
<context>
    <name>CaseListPanel</name>
    <message>
        <source>Filter cases by name</source>
        <translation>Filtrar casos por nombre</translation>
    </message>
    <message>
        <source>Filter cases</source>
        <translation>Filtrar casos</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Activos</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Cerrados</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Todos</translation>
    </message>
    <message>
        <source>Show cases</source>
        <translation>Mostrar casos</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Casos</translation>
    </message>
    <message>
        <source>New case…</source>
        <translation>Nuevo caso…</translation>
    </message>
    <message>
        <source>Import clients…</source>
        <translation>Importar clientes…</translation>
    </message>
    <message>
        <source>From another practice system&apos;s client list (CSV)</source>
        <translation>Desde la lista de clientes de otro sistema de consulta (CSV)</translation>
    </message>
    <message>
        <source>No cases yet. Create the first one, or import your client list.</source>
        <translation>Aún no hay casos. Cree el primero o importe su lista de clientes.</translation>
    </message>
    <message>
        <source>No case matches this filter.</source>
        <translation>Ningún caso coincide con este filtro.</translation>
    </message>
</context>
<context>
    <name>CasePanel</name>
    <message>
        <source>Safety flag</source>
        <translation>Alerta de seguridad</translation>
    </message>
    <message>
        <source>Emergency access</source>
        <translation>Acceso de urgencia</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Sesiones</translation>
    </message>
    <message>
        <source>Ne&amp;w session…</source>
        <translation>Nueva se&amp;sión…</translation>
    </message>
    <message>
        <source>New session</source>
        <translation>Nueva sesión</translation>
    </message>
    <message>
        <source>Schedule…</source>
        <translation>Programar…</translation>
    </message>
    <message>
        <source>Schedule sessions</source>
        <translation>Programar sesiones</translation>
    </message>
    <message>
        <source>Book sessions ahead, once or as a series</source>
        <translation>Reservar sesiones con antelación, una vez o en serie</translation>
    </message>
    <message>
        <source>Edit case…</source>
        <translation>Editar caso…</translation>
    </message>
    <message>
        <source>Edit the case (Ctrl+E)</source>
        <translation>Editar el caso (Ctrl+E)</translation>
    </message>
    <message>
        <source>Edit case</source>
        <translation>Editar caso</translation>
    </message>
    <message>
        <source>No sessions yet. Record the first with New session.</source>
        <translation>Aún no hay sesiones. Registre la primera con Nueva sesión.</translation>
    </message>
    <message>
        <source>Choose a case from the list.</source>
        <translation>Elija un caso de la lista.</translation>
    </message>
    <message>
        <source>Couple</source>
        <translation>Pareja</translation>
    </message>
    <message>
        <source>Individual</source>
        <translation>Individual</translation>
    </message>
    <message>
        <source>opened %s</source>
        <translation>abierto el %s</translation>
    </message>
    <message>
        <source>closed %s</source>
        <translation>cerrado el %s</translation>
    </message>
    <message>
        <source>⚠ Safety flag: %s</source>
        <translation>⚠ Alerta de seguridad: %s</translation>
    </message>
    <message>
        <source>step not recorded yet</source>
        <translation>paso aún no registrado</translation>
    </message>
    <message>
        <source>handouts in %s</source>
        <translation>hojas para llevar en %s</translation>
    </message>
    <message>
        <source>Reopen the case to record a session.</source>
        <translation>Reabra el caso para registrar una sesión.</translation>
    </message>
    <message>
        <source>Emergency access until %s. This case is not assigned to you: it is open to you until then, and your access is recorded and shown to the practice&apos;s supervisors.</source>
        <translation>Acceso de urgencia hasta %s. Este caso no le está asignado: lo tiene abierto hasta entonces, y su acceso queda registrado y lo ven quienes supervisan en la consulta.</translation>
    </message>
</context>
<context>
    <name>CaseTableModel</name>
    <message>
        <source>Case</source>
        <translation>Caso</translation>
    </message>
    <message>
        <source>Last session</source>
        <translation>Última sesión</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Sesiones</translation>
    </message>
    <message>
        <source>Couple</source>
        <translation>Pareja</translation>
    </message>
    <message>
        <source>Individual</source>
        <translation>Individual</translation>
    </message>
    <message>
        <source>%s · %d sessions</source>
        <translation>%s · %d sesiones</translation>
    </message>
    <message>
        <source> · closed</source>
        <translation> · cerrado</translation>
    </message>
    <message>
        <source>Safety flag set: open the case to read the note.</source>
        <translation>Alerta de seguridad activa: abra el caso para leer la nota.</translation>
    </message>
</context>
<context>
    <name>CheckInDialog</name>
    <message>
        <source>Check-in: %1</source>
        <translation>Cuestionario: %1</translation>
    </message>
    <message>
        <source>Answers not kept</source>
        <translation>Respuestas no guardadas</translation>
    </message>
    <message>
        <source>Stop the check-in?</source>
        <translation>¿Dejar el cuestionario?</translation>
    </message>
    <message>
        <source>%1&apos;s answers so far will not be kept. Stop the check-in?</source>
        <translation>Las respuestas que %1 ha dado hasta ahora no se guardarán. ¿Dejar el cuestionario?</translation>
    </message>
</context>
<context>
    <name>CheckInScreen</name>
    <message>
        <source>&amp;Back</source>
        <translation>&amp;Atrás</translation>
    </message>
    <message>
        <source>&amp;Skip this question</source>
        <translation>&amp;Saltar esta pregunta</translation>
    </message>
    <message>
        <source>For %1</source>
        <translation>Para %1</translation>
    </message>
    <message>
        <source>Thank you. That is every question.</source>
        <translation>Gracias. Esas son todas las preguntas.</translation>
    </message>
    <message>
        <source>Question %1 of %2</source>
        <translation>Pregunta %1 de %2</translation>
    </message>
    <message>
        <source>&amp;Done, hand to %1</source>
        <translation>&amp;Listo, pasar a %1</translation>
    </message>
    <message>
        <source>&amp;Done</source>
        <translation>&amp;Listo</translation>
    </message>
</context>
<context>
    <name>ChoicesPanel</name>
    <message>
        <source>Document</source>
        <translation>Documento</translation>
    </message>
    <message>
        <source>Handout</source>
        <translation>Hoja para llevar</translation>
    </message>
    <message>
        <source>Step of the handout</source>
        <translation>Paso de la hoja</translation>
    </message>
    <message>
        <source>S&amp;tep</source>
        <translation>Pa&amp;so</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>ninguno aún</translation>
    </message>
    <message>
        <source>Recorded steps: %s</source>
        <translation>Pasos registrados: %s</translation>
    </message>
    <message>
        <source>No step is recorded for this case yet.</source>
        <translation>Aún no hay ningún paso registrado para este caso.</translation>
    </message>
    <message>
        <source>Both together</source>
        <translation>Los dos juntos</translation>
    </message>
    <message>
        <source>%s alone</source>
        <translation>%s a solas</translation>
    </message>
    <message>
        <source>&amp;For</source>
        <translation>&amp;Para</translation>
    </message>
    <message>
        <source>I have &amp;considered safety for this handout</source>
        <translation>He &amp;considerado la seguridad para esta hoja</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Name printed for partner %d</source>
        <translation>Nombre impreso para la persona %d</translation>
    </message>
    <message>
        <source>N&amp;ames on it</source>
        <translation>Nom&amp;bres en la hoja</translation>
    </message>
    <message>
        <source>Your &amp;message to them</source>
        <translation>Su &amp;mensaje para ellos</translation>
    </message>
    <message>
        <source>Your message to them</source>
        <translation>Su mensaje para ellos</translation>
    </message>
    <message>
        <source>A few words of your own, or homework</source>
        <translation>Unas palabras suyas, o tareas</translation>
    </message>
    <message>
        <source>Whatever you type here is printed in the handout exactly as written. Nothing from your notes is ever added.</source>
        <translation>Lo que escriba aquí se imprime en la hoja tal como está escrito. Nunca se añade nada de sus notas.</translation>
    </message>
    <message>
        <source>Record it as &amp;given at the session of %s</source>
        <translation>Registrarla como &amp;entregada en la sesión del %s</translation>
    </message>
    <message>
        <source>Record it as &amp;given (no session recorded yet)</source>
        <translation>Registrarla como &amp;entregada (aún no hay sesiones registradas)</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Periodo</translation>
    </message>
    <message>
        <source>From date</source>
        <translation>Fecha inicial</translation>
    </message>
    <message>
        <source>To date</source>
        <translation>Fecha final</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>&amp;Desde</translation>
    </message>
    <message>
        <source>&amp;To</source>
        <translation>&amp;Hasta</translation>
    </message>
    <message>
        <source>What it includes</source>
        <translation>Qué incluye</translation>
    </message>
    <message>
        <source>Include readings from private &amp;individual sessions</source>
        <translation>Incluir lecturas de sesiones &amp;individuales privadas</translation>
    </message>
    <message>
        <source>Left out, what one partner said alone (a direction, a step, clarity) stays out of a document the couple may see. Included, each is marked “individual session”.</source>
        <translation>Si se omiten, lo que un miembro de la pareja dijo a solas (un rumbo, un paso, la claridad) queda fuera de un documento que la pareja puede ver. Si se incluyen, cada una se marca como «sesión individual».</translation>
    </message>
    <message>
        <source>Include the safety &amp;note</source>
        <translation>Incluir la &amp;nota de seguridad</translation>
    </message>
    <message>
        <source>The safety note may hold what a partner disclosed in confidence.</source>
        <translation>La nota de seguridad puede contener lo que un miembro de la pareja reveló en confianza.</translation>
    </message>
    <message>
        <source>Treatment plan</source>
        <translation>Plan de tratamiento</translation>
    </message>
    <message>
        <source>Version of the plan</source>
        <translation>Versión del plan</translation>
    </message>
    <message>
        <source>Version %1, in force</source>
        <translation>Versión %1, la vigente</translation>
    </message>
    <message>
        <source>Version %1, signed earlier</source>
        <translation>Versión %1, firmada antes</translation>
    </message>
    <message>
        <source>Version %1, draft (printed marked DRAFT)</source>
        <translation>Versión %1, borrador (se imprime marcada BORRADOR)</translation>
    </message>
    <message>
        <source>V&amp;ersion</source>
        <translation>V&amp;ersión</translation>
    </message>
    <message>
        <source>This case has no treatment plan yet.</source>
        <translation>Este caso aún no tiene plan de tratamiento.</translation>
    </message>
    <message>
        <source>Add ac&amp;knowledgement lines for the partners to sign</source>
        <translation>Añadir líneas de conformidad para que &amp;firmen los miembros de la pareja</translation>
    </message>
    <message>
        <source>Check-in form</source>
        <translation>Formulario de seguimiento</translation>
    </message>
    <message>
        <source>Partner the form is for</source>
        <translation>Miembro de la pareja a quien va el formulario</translation>
    </message>
    <message>
        <source>Measure on the form</source>
        <translation>Cuestionario del formulario</translation>
    </message>
    <message>
        <source>Par&amp;tner</source>
        <translation>Per&amp;sona</translation>
    </message>
    <message>
        <source>&amp;Measure</source>
        <translation>Cu&amp;estionario</translation>
    </message>
    <message>
        <source>Printed in the language on the partner&apos;s record, for them to fill in by hand; enter the answers afterwards from the case.</source>
        <translation>Se imprime en el idioma que figura en su ficha, para rellenarlo a mano; luego se introducen las respuestas desde el caso.</translation>
    </message>
    <message>
        <source>Paper and protection</source>
        <translation>Papel y protección</translation>
    </message>
    <message>
        <source>Page size</source>
        <translation>Tamaño de página</translation>
    </message>
    <message>
        <source>Pa&amp;ge size</source>
        <translation>Tamaño de pá&amp;gina</translation>
    </message>
    <message>
        <source>Protect with a pass&amp;word when saving</source>
        <translation>Proteger con &amp;contraseña al guardar</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <source>Repeat</source>
        <translation>Repetir</translation>
    </message>
    <message>
        <source>For documents sent by e-mail. Tell the password another way, by phone for example. The preview and printing are not affected.</source>
        <translation>Para documentos enviados por correo electrónico. Comunique la contraseña por otra vía, por ejemplo por teléfono. La vista previa y la impresión no se ven afectadas.</translation>
    </message>
    <message>
        <source>%s of %s characters</source>
        <translation>%s de %s caracteres</translation>
    </message>
    <message>
        <source>This case has a safety flag. A handout addressed to both partners may not be safe to give; consider each partner&apos;s own handout instead. Its practices are for one person, never exercises to do together.</source>
        <translation>Este caso tiene una alerta de seguridad. Una hoja dirigida a los dos miembros de la pareja puede no ser segura; considere en su lugar la hoja propia de cada uno. Sus prácticas son para una sola persona, nunca ejercicios para hacer juntos.</translation>
    </message>
    <message>
        <source>This case has a safety flag, so this handout has practices for one person in place of joint exercises. Nothing on it mentions safety.</source>
        <translation>Este caso tiene una alerta de seguridad, así que esta hoja trae prácticas para una sola persona en lugar de ejercicios conjuntos. Nada en ella menciona la seguridad.</translation>
    </message>
</context>
<context>
    <name>Commands</name>
    <message>
        <source>Case not created</source>
        <translation>Caso no creado</translation>
    </message>
    <message>
        <source>Case not saved</source>
        <translation>Caso no guardado</translation>
    </message>
    <message>
        <source>Close this case?</source>
        <translation>¿Cerrar este caso?</translation>
    </message>
    <message>
        <source>Close %s as of today? Its records stay in the practice and can still be read; a closed case can be reopened.</source>
        <translation>¿Cerrar %s con fecha de hoy? Sus registros se quedan en la consulta y se pueden seguir leyendo; un caso cerrado se puede reabrir.</translation>
    </message>
    <message>
        <source>Case not closed</source>
        <translation>Caso no cerrado</translation>
    </message>
    <message>
        <source>Case not reopened</source>
        <translation>Caso no reabierto</translation>
    </message>
    <message>
        <source>Session not recorded</source>
        <translation>Sesión no registrada</translation>
    </message>
    <message>
        <source>Record it</source>
        <translation>Registrarla</translation>
    </message>
    <message>
        <source>This client may already be here</source>
        <translation>Puede que este cliente ya esté aquí</translation>
    </message>
    <message>
        <source>A client with this name is already in the practice:
%s

Create a new case anyway?</source>
        <translation>Ya hay un cliente con este nombre en la consulta:
%s

¿Crear un caso nuevo de todos modos?</translation>
    </message>
    <message>
        <source>Please check the date</source>
        <translation>Revise la fecha</translation>
    </message>
    <message>
        <source>%s Is that right?</source>
        <translation>%s ¿Es correcto?</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Documentos</translation>
    </message>
    <message>
        <source>Open a case first.</source>
        <translation>Abra primero un caso.</translation>
    </message>
    <message>
        <source>Session not found</source>
        <translation>Sesión no encontrada</translation>
    </message>
    <message>
        <source>and %d more</source>
        <translation>y %d más</translation>
    </message>
    <message>
        <source>Another session at that time</source>
        <translation>Otra sesión a esa hora</translation>
    </message>
    <message>
        <source>This overlaps another session of the practice:
%s

%s anyway?</source>
        <translation>Esto se solapa con otra sesión de la consulta:
%s

¿%s de todos modos?</translation>
    </message>
    <message>
        <source>Not scheduled</source>
        <translation>No programada</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Programar</translation>
    </message>
    <message>
        <source>1 session scheduled.</source>
        <translation>1 sesión programada.</translation>
    </message>
    <message>
        <source>%d sessions scheduled.</source>
        <translation>%d sesiones programadas.</translation>
    </message>
    <message>
        <source>Start this session now?</source>
        <translation>¿Empezar esta sesión ahora?</translation>
    </message>
    <message>
        <source>This session is booked for %s, not today. Start it now anyway?</source>
        <translation>Esta sesión está reservada para el %s, no para hoy. ¿Empezarla ahora de todos modos?</translation>
    </message>
    <message>
        <source>Session not started</source>
        <translation>Sesión no empezada</translation>
    </message>
    <message>
        <source>Session not changed</source>
        <translation>Sesión no cambiada</translation>
    </message>
    <message>
        <source>Only a booked session, or one whose note is still a draft, can be changed.</source>
        <translation>Solo se puede cambiar una sesión reservada o una cuya nota siga en borrador.</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>Note not opened</source>
        <translation>Nota no abierta</translation>
    </message>
    <message>
        <source>%s, %s (%d min)</source>
        <translation>%s, %s (%d min)</translation>
    </message>
    <message>
        <source>this booking</source>
        <translation>esta reserva</translation>
    </message>
    <message>
        <source>this empty draft</source>
        <translation>este borrador vacío</translation>
    </message>
    <message>
        <source>Discard this session?</source>
        <translation>¿Descartar esta sesión?</translation>
    </message>
    <message>
        <source>Discard %s of %s? Use this for a session made by mistake; the audit trail keeps that it existed. A session that was called off should be cancelled instead.</source>
        <translation>¿Descartar %s de %s? Úselo para una sesión creada por error; el registro de auditoría conserva que existió. Una sesión que se anuló debe cancelarse en su lugar.</translation>
    </message>
    <message>
        <source>Session not discarded</source>
        <translation>Sesión no descartada</translation>
    </message>
    <message>
        <source>Session brief</source>
        <translation>Resumen para la sesión</translation>
    </message>
    <message>
        <source>Session mode</source>
        <translation>Modo sesión</translation>
    </message>
    <message>
        <source>Open the session&apos;s note first, or start from its brief (Ctrl+Shift+B).</source>
        <translation>Abra primero la nota de la sesión, o empiece desde su resumen (Ctrl+Mayús+B).</translation>
    </message>
    <message>
        <source>This session&apos;s note is signed; session mode is for a note still open.</source>
        <translation>La nota de esta sesión está firmada; el modo sesión es para una nota todavía abierta.</translation>
    </message>
    <message>
        <source>Notes from today</source>
        <translation>Notas de hoy</translation>
    </message>
    <message>
        <source>1 note from today&apos;s sessions is not signed yet:</source>
        <translation>1 nota de las sesiones de hoy aún no está firmada:</translation>
    </message>
    <message>
        <source>%d notes from today&apos;s sessions are not signed yet:</source>
        <translation>%d notas de las sesiones de hoy aún no están firmadas:</translation>
    </message>
    <message>
        <source>They are saved and will wait for you under Today. Notes are often easiest to finish while the session is fresh.</source>
        <translation>Están guardadas y le esperarán en Hoy. Las notas suelen ser más fáciles de terminar con la sesión reciente.</translation>
    </message>
    <message>
        <source>Quit now</source>
        <translation>Salir ahora</translation>
    </message>
    <message>
        <source>Lock now</source>
        <translation>Bloquear ahora</translation>
    </message>
    <message>
        <source>Show the notes</source>
        <translation>Mostrar las notas</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>Copia de seguridad</translation>
    </message>
    <message>
        <source>Back up the practice to…</source>
        <translation>Hacer copia de seguridad de la consulta en…</translation>
    </message>
    <message>
        <source>Copying and checking the encrypted practice…</source>
        <translation>Copiando y comprobando la consulta cifrada…</translation>
    </message>
    <message>
        <source>Backup made</source>
        <translation>Copia de seguridad hecha</translation>
    </message>
    <message>
        <source>A verified, encrypted backup of %d cases and %d notes is in
%s</source>
        <translation>Hay una copia de seguridad cifrada y verificada de %d casos y %d notas en
%s</translation>
    </message>
    <message>
        <source>Backup not made</source>
        <translation>Copia de seguridad no hecha</translation>
    </message>
    <message>
        <source>Making the automatic backup before closing…</source>
        <translation>Haciendo la copia de seguridad automática antes de cerrar…</translation>
    </message>
    <message>
        <source>Automatic backup failed</source>
        <translation>Falló la copia de seguridad automática</translation>
    </message>
    <message>
        <source>%s
Your records are safe in the practice itself; make a backup soon.</source>
        <translation>%s
Sus registros están a salvo en la propia consulta; haga pronto una copia de seguridad.</translation>
    </message>
    <message>
        <source>Automatic backup made.</source>
        <translation>Copia de seguridad automática hecha.</translation>
    </message>
    <message>
        <source>Automatic backup failed: %s</source>
        <translation>Falló la copia de seguridad automática: %s</translation>
    </message>
    <message>
        <source>Restore this backup?</source>
        <translation>¿Restaurar esta copia de seguridad?</translation>
    </message>
    <message>
        <source>Backup of %s: %d cases, %d notes.

Everything recorded since then will be replaced by this backup. The practice as it is now is kept first as a backup of its own, so you can undo the restore (Practice &gt; Undo the last restore).</source>
        <translation>Copia de seguridad del %s: %d casos, %d notas.

Todo lo registrado desde entonces se sustituirá por esta copia. Antes se guarda la consulta tal como está ahora como una copia de seguridad propia, para que pueda deshacer la restauración (Consulta &gt; Deshacer la última restauración).</translation>
    </message>
    <message>
        <source>Undo the last restore</source>
        <translation>Deshacer la última restauración</translation>
    </message>
    <message>
        <source>There is no restore to undo.</source>
        <translation>No hay ninguna restauración que deshacer.</translation>
    </message>
    <message>
        <source>Undo the last restore?</source>
        <translation>¿Deshacer la última restauración?</translation>
    </message>
    <message>
        <source>The practice goes back to how it was just before the last restore (%d cases, %d notes, kept %s). What the restore brought in is kept as a backup too.</source>
        <translation>La consulta vuelve a como estaba justo antes de la última restauración (%d casos, %d notas, guardada el %s). Lo que trajo la restauración también se conserva como copia de seguridad.</translation>
    </message>
    <message>
        <source>Confirm with the passphrase</source>
        <translation>Confirme con la frase de contraseña</translation>
    </message>
    <message>
        <source>Passphrase:</source>
        <translation>Frase de contraseña:</translation>
    </message>
    <message>
        <source>Not restored</source>
        <translation>No restaurada</translation>
    </message>
    <message>
        <source>Done: the practice is restored.</source>
        <translation>Hecho: la consulta está restaurada.</translation>
    </message>
    <message>
        <source>Not restored: %s</source>
        <translation>No restaurada: %s</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Restaurar</translation>
    </message>
    <message>
        <source>Open a case in an emergency</source>
        <translation>Abrir un caso en una urgencia</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>the template</source>
        <translation>la plantilla</translation>
    </message>
    <message>
        <source>the steps worked on</source>
        <translation>los pasos trabajados</translation>
    </message>
    <message>
        <source>where each partner stands</source>
        <translation>dónde está cada miembro de la pareja</translation>
    </message>
    <message>
        <source>the Dynamics readings</source>
        <translation>las lecturas de Dinámica</translation>
    </message>
    <message>
        <source>private</source>
        <translation>privada</translation>
    </message>
    <message>
        <source>This note changed elsewhere</source>
        <translation>Esta nota cambió en otro lugar</translation>
    </message>
    <message>
        <source>Someone else saved this note at %s, after you opened it. Nothing of yours was saved over theirs, and nothing you wrote is lost. Compare the two, then keep one, or edit yours into a combined version and save that.</source>
        <translation>Otra persona guardó esta nota a las %s, después de que usted la abriera. No se ha guardado nada suyo encima de lo de esa persona, y no se ha perdido nada de lo que escribió. Compare las dos versiones y quédese con una, o edite la suya para combinarlas y guarde el resultado.</translation>
    </message>
    <message>
        <source>Saved elsewhere</source>
        <translation>Guardada en otro lugar</translation>
    </message>
    <message>
        <source>Yours, not saved yet</source>
        <translation>La suya, aún sin guardar</translation>
    </message>
    <message>
        <source>The sections&apos; text is the same in both.</source>
        <translation>El texto de las secciones es igual en las dos.</translation>
    </message>
    <message>
        <source>The same in both: %s.</source>
        <translation>Igual en las dos: %s.</translation>
    </message>
    <message>
        <source>Also different: %s. Keeping yours or a combined version keeps yours.</source>
        <translation>También cambia: %s. Si conserva la suya o una versión combinada, se queda lo suyo.</translation>
    </message>
    <message>
        <source>Keep &amp;theirs…</source>
        <translation>Conservar la &amp;otra…</translation>
    </message>
    <message>
        <source>Keep &amp;mine</source>
        <translation>Conservar la &amp;mía</translation>
    </message>
    <message>
        <source>Save &amp;combined</source>
        <translation>Guardar &amp;combinada</translation>
    </message>
    <message>
        <source>Close without choosing (Esc); nothing is saved</source>
        <translation>Cerrar sin elegir (Esc); no se guarda nada</translation>
    </message>
    <message>
        <source>Save your version over theirs, as you wrote it</source>
        <translation>Guardar su versión encima de la otra, tal como la escribió</translation>
    </message>
    <message>
        <source>Discard your unsaved changes and keep theirs</source>
        <translation>Descartar sus cambios sin guardar y conservar la otra versión</translation>
    </message>
    <message>
        <source>Save what is now in your column</source>
        <translation>Guardar lo que hay ahora en su columna</translation>
    </message>
    <message>
        <source>%s, saved elsewhere</source>
        <translation>%s, guardada en otro lugar</translation>
    </message>
    <message>
        <source>Not in your version of the note.</source>
        <translation>No está en su versión de la nota.</translation>
    </message>
    <message>
        <source>%s, yours</source>
        <translation>%s, la suya</translation>
    </message>
    <message>
        <source>Copy theirs into mine</source>
        <translation>Copiar la otra en la mía</translation>
    </message>
    <message>
        <source>Copy theirs into mine: %s</source>
        <translation>Copiar la otra en la mía: %s</translation>
    </message>
</context>
<context>
    <name>ContactModel</name>
    <message>
        <source>Client</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Persona</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <source>Pronouns</source>
        <translation>Pronombres</translation>
    </message>
    <message>
        <source>Writes in</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>Clinician</source>
        <translation>Profesional</translation>
    </message>
    <message>
        <source>Before changing</source>
        <translation>Antes de cambiar</translation>
    </message>
    <message>
        <source>This case is closed.</source>
        <translation>Este caso está cerrado.</translation>
    </message>
</context>
<context>
    <name>ContactsPanel</name>
    <message>
        <source>Find a client by name, phone or email</source>
        <translation>Busque un cliente por nombre, teléfono o correo</translation>
    </message>
    <message>
        <source>Find a client</source>
        <translation>Buscar un cliente</translation>
    </message>
    <message>
        <source>Clients and how to reach them</source>
        <translation>Clientes y cómo contactarlos</translation>
    </message>
    <message>
        <source>The contact list could not be read: %s</source>
        <translation>No se pudo leer la lista de contactos: %s</translation>
    </message>
    <message>
        <source>%d people</source>
        <translation>%d personas</translation>
    </message>
    <message>
        <source>%d of %d people</source>
        <translation>%d de %d personas</translation>
    </message>
</context>
<context>
    <name>CoupleReadingBox</name>
    <message>
        <source>The loop</source>
        <translation>El ciclo</translation>
    </message>
    <message>
        <source>Another loop, in your words</source>
        <translation>Otro ciclo, en sus palabras</translation>
    </message>
    <message>
        <source>Not rated</source>
        <translation>Sin valorar</translation>
    </message>
    <message>
        <source>0 calm … 10 the loop at full strength</source>
        <translation>0 calma … 10 el ciclo con toda su fuerza</translation>
    </message>
    <message>
        <source>What set it off</source>
        <translation>Qué lo desencadenó</translation>
    </message>
    <message>
        <source>Not noted</source>
        <translation>Sin anotar</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Sí</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>What helped</source>
        <translation>Qué ayudó</translation>
    </message>
    <message>
        <source>&amp;Intensity (0 – 10)</source>
        <translation>&amp;Intensidad (0 – 10)</translation>
    </message>
    <message>
        <source>Set off by</source>
        <translation>Desencadenado por</translation>
    </message>
    <message>
        <source>Co-regulation</source>
        <translation>Corregulación</translation>
    </message>
    <message>
        <source>Repair attempts</source>
        <translation>Intentos de reparación</translation>
    </message>
    <message>
        <source>…that landed</source>
        <translation>…que funcionaron</translation>
    </message>
    <message>
        <source>Another loop</source>
        <translation>Otro ciclo</translation>
    </message>
    <message>
        <source>Loop intensity</source>
        <translation>Intensidad del ciclo</translation>
    </message>
    <message>
        <source>Repairs that landed</source>
        <translation>Reparaciones que funcionaron</translation>
    </message>
</context>
<context>
    <name>CreatePracticeWindow</name>
    <message>
        <source>%s — Create a practice</source>
        <translation>%s — Crear una consulta</translation>
    </message>
    <message>
        <source>As it should appear on signed notes</source>
        <translation>Tal como debe aparecer en las notas firmadas</translation>
    </message>
    <message>
        <source>Clinician name</source>
        <translation>Nombre del profesional</translation>
    </message>
    <message>
        <source>For example LMFT, PhD</source>
        <translation>Por ejemplo LMFT, PhD</translation>
    </message>
    <message>
        <source>Credentials</source>
        <translation>Titulación</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Frase de contraseña</translation>
    </message>
    <message>
        <source>Repeat passphrase</source>
        <translation>Repetir la frase de contraseña</translation>
    </message>
    <message>
        <source>Passphrase strength</source>
        <translation>Solidez de la frase de contraseña</translation>
    </message>
    <message>
        <source>Use at least %d characters; a few unrelated words work well.</source>
        <translation>Use al menos %d caracteres; unas cuantas palabras sin relación entre sí funcionan bien.</translation>
    </message>
    <message>
        <source>C&amp;hange…</source>
        <translation>Cam&amp;biar…</translation>
    </message>
    <message>
        <source>Change the practice folder</source>
        <translation>Cambiar la carpeta de la consulta</translation>
    </message>
    <message>
        <source>&amp;Create practice</source>
        <translation>&amp;Crear consulta</translation>
    </message>
    <message>
        <source>In a group practice? C&amp;onnect to its server…</source>
        <translation>¿Trabaja en una consulta de grupo? C&amp;onéctese a su servidor…</translation>
    </message>
    <message>
        <source>Clinician &amp;name</source>
        <translation>&amp;Nombre del profesional</translation>
    </message>
    <message>
        <source>Cre&amp;dentials</source>
        <translation>Titu&amp;lación</translation>
    </message>
    <message>
        <source>&amp;Passphrase</source>
        <translation>&amp;Frase de contraseña</translation>
    </message>
    <message>
        <source>&amp;Repeat passphrase</source>
        <translation>&amp;Repetir la frase de contraseña</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Carpeta</translation>
    </message>
    <message>
        <source>Everything you record is kept in one encrypted file on this computer. The passphrase unlocks it; nobody, including us, can recover records without the passphrase or the recovery key you will see next.</source>
        <translation>Todo lo que registre se guarda en un único archivo cifrado en este equipo. La frase de contraseña lo desbloquea; nadie, ni siquiera nosotros, puede recuperar los registros sin la frase de contraseña o la clave de recuperación que verá a continuación.</translation>
    </message>
    <message>
        <source>Create a practice</source>
        <translation>Crear una consulta</translation>
    </message>
    <message>
        <source>Choose a folder for the practice</source>
        <translation>Elija una carpeta para la consulta</translation>
    </message>
    <message>
        <source>Please enter the clinician&apos;s name; it appears on signed notes.</source>
        <translation>Escriba el nombre del profesional; aparece en las notas firmadas.</translation>
    </message>
    <message>
        <source>Please choose a passphrase of at least %d characters.</source>
        <translation>Elija una frase de contraseña de al menos %d caracteres.</translation>
    </message>
    <message>
        <source>The two passphrases do not match.</source>
        <translation>Las dos frases de contraseña no coinciden.</translation>
    </message>
    <message>
        <source>Creating the encrypted practice…</source>
        <translation>Creando la consulta cifrada…</translation>
    </message>
</context>
<context>
    <name>DashboardHeader</name>
    <message>
        <source>Loop intensity</source>
        <translation>Intensidad del ciclo</translation>
    </message>
    <message>
        <source>Pursue/withdraw distance</source>
        <translation>Distancia buscar/retirarse</translation>
    </message>
    <message>
        <source>Clarity</source>
        <translation>Claridad</translation>
    </message>
    <message>
        <source>The latest loop intensity against the one before, then its direction over the last sessions; “mixed” when they do not agree.</source>
        <translation>La intensidad del ciclo más reciente frente a la anterior, y luego su tendencia en las últimas sesiones; «mixta» cuando no coinciden.</translation>
    </message>
    <message>
        <source>Whether the partners&apos; pursue/withdraw positions are drawing closer.</source>
        <translation>Si las posiciones de buscar/retirarse de la pareja se están acercando.</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>No date</source>
        <translation>Sin fecha</translation>
    </message>
</context>
<context>
    <name>DaySessionModel</name>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Caso</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Quién</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Acciones</translation>
    </message>
    <message>
        <source>Time passed: not started</source>
        <translation>Tiempo transcurrido: sin empezar</translation>
    </message>
    <message>
        <source>Note signed</source>
        <translation>Nota firmada</translation>
    </message>
    <message>
        <source>Note draft</source>
        <translation>Nota en borrador</translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation>Programada</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelada</translation>
    </message>
    <message>
        <source>Late cancellation</source>
        <translation>Cancelación tardía</translation>
    </message>
    <message>
        <source>No-show</source>
        <translation>No se presentó</translation>
    </message>
    <message>
        <source>Both partners</source>
        <translation>Ambos</translation>
    </message>
    <message>
        <source>Safety flag set: open the case to read the note.</source>
        <translation>Alerta de seguridad activa: abra el caso para leer la nota.</translation>
    </message>
    <message>
        <source>Telehealth</source>
        <translation>Telesalud</translation>
    </message>
    <message>
        <source>In person</source>
        <translation>Presencial</translation>
    </message>
    <message>
        <source>%s · %d min · %s</source>
        <translation>%s · %d min · %s</translation>
    </message>
</context>
<context>
    <name>DeskModels</name>
    <message>
        <source>Ask the clinician first</source>
        <translation>Consulte antes al profesional</translation>
    </message>
    <message>
        <source>Please ask the clinician before changing or cancelling this booking.</source>
        <translation>Por favor, consulte al profesional antes de cambiar o cancelar esta cita.</translation>
    </message>
    <message>
        <source>Not assigned</source>
        <translation>Sin asignar</translation>
    </message>
</context>
<context>
    <name>DeskSessionModel</name>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <source>Clinician</source>
        <translation>Profesional</translation>
    </message>
    <message>
        <source>Who comes</source>
        <translation>Quién viene</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Dónde</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Before changing</source>
        <translation>Antes de cambiar</translation>
    </message>
    <message>
        <source>Both partners</source>
        <translation>Ambos miembros de la pareja</translation>
    </message>
    <message>
        <source>%s · %d min</source>
        <translation>%s · %d min</translation>
    </message>
</context>
<context>
    <name>DocumentDialog</name>
    <message>
        <source>Print or save a document</source>
        <translation>Imprimir o guardar un documento</translation>
    </message>
    <message>
        <source>Error message</source>
        <translation>Mensaje de error</translation>
    </message>
    <message>
        <source>&amp;Save as…</source>
        <translation>&amp;Guardar como…</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>Im&amp;primir…</translation>
    </message>
    <message>
        <source>C&amp;lose</source>
        <translation>Ce&amp;rrar</translation>
    </message>
    <message>
        <source>Save as a PDF file (Ctrl+S)</source>
        <translation>Guardar como archivo PDF (Ctrl+S)</translation>
    </message>
    <message>
        <source>Print on paper (Ctrl+P)</source>
        <translation>Imprimir en papel (Ctrl+P)</translation>
    </message>
    <message>
        <source>This case has a safety flag. Tick “I have considered safety for this handout” to see the joint handout, or choose one partner&apos;s handout.</source>
        <translation>Este caso tiene una alerta de seguridad. Marque «He considerado la seguridad para esta hoja» para ver la hoja conjunta, o elija la hoja de un miembro de la pareja.</translation>
    </message>
    <message>
        <source>This case has a safety flag. Tick “I have considered safety for this handout” to see it, with practices for one person in place of joint exercises.</source>
        <translation>Este caso tiene una alerta de seguridad. Marque «He considerado la seguridad para esta hoja» para verla, con prácticas para una sola persona en lugar de ejercicios conjuntos.</translation>
    </message>
    <message>
        <source>A password for the PDF has at least %d characters.</source>
        <translation>La contraseña del PDF tiene al menos %d caracteres.</translation>
    </message>
    <message>
        <source>The two passwords differ; please type them again.</source>
        <translation>Las dos contraseñas no coinciden; escríbalas de nuevo.</translation>
    </message>
    <message>
        <source>Joint handout in a case with a safety flag</source>
        <translation>Hoja conjunta en un caso con alerta de seguridad</translation>
    </message>
    <message>
        <source>Handout in a case with a safety flag</source>
        <translation>Hoja en un caso con alerta de seguridad</translation>
    </message>
    <message>
        <source>This case has a safety flag. Save a handout addressed to both partners anyway?</source>
        <translation>Este caso tiene una alerta de seguridad. ¿Guardar de todos modos una hoja dirigida a los dos miembros de la pareja?</translation>
    </message>
    <message>
        <source>This case has a safety flag. Save this handout, with practices for one person in place of joint exercises?</source>
        <translation>Este caso tiene una alerta de seguridad. ¿Guardar esta hoja, con prácticas para una sola persona en lugar de ejercicios conjuntos?</translation>
    </message>
    <message>
        <source>Save the document as PDF</source>
        <translation>Guardar el documento como PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Archivos PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Guardando…</translation>
    </message>
    <message>
        <source>Saved as %s.</source>
        <translation>Guardado como %s.</translation>
    </message>
    <message>
        <source>The handout was made, but not recorded as given: %s</source>
        <translation>La hoja se creó, pero no se registró como entregada: %s</translation>
    </message>
    <message>
        <source>Recorded as given.</source>
        <translation>Registrada como entregada.</translation>
    </message>
    <message>
        <source>This case has a safety flag. Print a handout addressed to both partners anyway?</source>
        <translation>Este caso tiene una alerta de seguridad. ¿Imprimir de todos modos una hoja dirigida a los dos miembros de la pareja?</translation>
    </message>
    <message>
        <source>This case has a safety flag. Print this handout, with practices for one person in place of joint exercises?</source>
        <translation>Este caso tiene una alerta de seguridad. ¿Imprimir esta hoja, con prácticas para una sola persona en lugar de ejercicios conjuntos?</translation>
    </message>
    <message>
        <source>Print the document</source>
        <translation>Imprimir el documento</translation>
    </message>
    <message>
        <source>Preparing to print…</source>
        <translation>Preparando la impresión…</translation>
    </message>
    <message>
        <source>Sent 1 page to the printer.</source>
        <translation>Se envió 1 página a la impresora.</translation>
    </message>
    <message>
        <source>Sent %d pages to the printer.</source>
        <translation>Se enviaron %d páginas a la impresora.</translation>
    </message>
    <message>
        <source>The PDF could not be written: %s.</source>
        <translation>No se pudo escribir el PDF: %s.</translation>
    </message>
</context>
<context>
    <name>DocumentKinds</name>
    <message>
        <source>Session &amp;note</source>
        <translation>&amp;Nota de sesión</translation>
    </message>
    <message>
        <source>Case s&amp;ummary</source>
        <translation>Res&amp;umen del caso</translation>
    </message>
    <message>
        <source>P&amp;rogress report</source>
        <translation>Info&amp;rme de evolución</translation>
    </message>
    <message>
        <source>Client &amp;handout</source>
        <translation>&amp;Hoja para llevar</translation>
    </message>
    <message>
        <source>Five steps o&amp;verview</source>
        <translation>Resumen de los cinco pasos (&amp;v)</translation>
    </message>
    <message>
        <source>Treatment pl&amp;an</source>
        <translation>Plan de &amp;tratamiento</translation>
    </message>
    <message>
        <source>&amp;Check-in form</source>
        <translation>Formulario de seguimient&amp;o</translation>
    </message>
</context>
<context>
    <name>DraftModel</name>
    <message>
        <source>Session</source>
        <translation>Sesión</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Caso</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>En espera</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Acciones</translation>
    </message>
    <message>
        <source>Under a day</source>
        <translation>Menos de un día</translation>
    </message>
    <message>
        <source>1 day</source>
        <translation>1 día</translation>
    </message>
    <message>
        <source>%d days</source>
        <translation>%d días</translation>
    </message>
    <message>
        <source>%s: over three days, please sign soon</source>
        <translation>%s: más de tres días, firme pronto</translation>
    </message>
    <message>
        <source>%s: over a day</source>
        <translation>%s: más de un día</translation>
    </message>
</context>
<context>
    <name>DynamicsPanel</name>
    <message>
        <source>Dynamics</source>
        <translation>Dinámica</translation>
    </message>
    <message>
        <source>Leave blank what you did not observe.</source>
        <translation>Deje en blanco lo que no observó.</translation>
    </message>
</context>
<context>
    <name>EditGuard</name>
    <message>
        <source>Note not opened</source>
        <translation>Nota no abierta</translation>
    </message>
    <message>
        <source>Take over editing</source>
        <translation>Pasar a editar la nota</translation>
    </message>
    <message>
        <source>%s has this note open for editing. Taking over closes it in their program; what they saved stays saved.

Why are you taking over? The reason is kept in the audit trail.</source>
        <translation>%s tiene esta nota abierta para editarla. Si pasa a editarla usted, se cerrará en su programa; lo que haya guardado sigue guardado.

¿Por qué pasa a editarla usted? El motivo queda en el registro de auditoría.</translation>
    </message>
    <message>
        <source>Not taken over</source>
        <translation>No se ha podido pasar a editarla</translation>
    </message>
    <message>
        <source>Not saved: this note changed elsewhere</source>
        <translation>Sin guardar: esta nota cambió en otro lugar</translation>
    </message>
    <message>
        <source>Keep theirs?</source>
        <translation>¿Conservar la otra versión?</translation>
    </message>
    <message>
        <source>Your unsaved changes to this note will be discarded, and the note will show the version saved elsewhere.</source>
        <translation>Se descartarán sus cambios sin guardar en esta nota, y la nota mostrará la versión guardada en otro lugar.</translation>
    </message>
    <message>
        <source>Discard mine</source>
        <translation>Descartar la mía</translation>
    </message>
</context>
<context>
    <name>EmergencyDialog</name>
    <message>
        <source>Open a case in an emergency</source>
        <translation>Abrir un caso en una urgencia</translation>
    </message>
    <message>
        <source>&amp;Open the case</source>
        <translation>&amp;Abrir el caso</translation>
    </message>
    <message>
        <source>Only for a client who needs care now while their own clinician cannot be reached. The case opens to you alone, for at most %d hours. Your name, the case, the time and your reason are recorded in the audit trail and shown to the practice&apos;s supervisors and administrators.</source>
        <translation>Solo para un cliente que necesita atención ahora y cuyo profesional no está localizable. El caso se abre solo para usted, durante %d horas como máximo. Su nombre, el caso, la hora y su motivo quedan en el registro de auditoría y los ven quienes supervisan y administran la consulta.</translation>
    </message>
    <message>
        <source>Type part of a name</source>
        <translation>Escriba parte de un nombre</translation>
    </message>
    <message>
        <source>Find a case</source>
        <translation>Buscar un caso</translation>
    </message>
    <message>
        <source>%s (closed)</source>
        <translation>%s (cerrado)</translation>
    </message>
    <message>
        <source>Cases not assigned to you</source>
        <translation>Casos que no le están asignados</translation>
    </message>
    <message>
        <source>What is happening, and why it cannot wait for the case&apos;s own clinician</source>
        <translation>Qué está pasando y por qué no puede esperar al profesional del caso</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>Minutos</translation>
    </message>
    <message>
        <source>minutes (at most %d hours)</source>
        <translation>minutos (%d horas como máximo)</translation>
    </message>
    <message>
        <source>At least %d characters, in words a reviewer will understand.</source>
        <translation>Al menos %d caracteres, con palabras que entienda quien lo revise.</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>&amp;Buscar</translation>
    </message>
    <message>
        <source>C&amp;ase</source>
        <translation>&amp;Caso</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>&amp;Motivo</translation>
    </message>
    <message>
        <source>For &amp;how long</source>
        <translation>&amp;Durante cuánto tiempo</translation>
    </message>
    <message>
        <source>Every case of the practice is open to you already.</source>
        <translation>Ya tiene abiertos todos los casos de la consulta.</translation>
    </message>
    <message>
        <source>Please choose the case to open.</source>
        <translation>Elija el caso que quiere abrir.</translation>
    </message>
    <message>
        <source>Opening…</source>
        <translation>Abriendo…</translation>
    </message>
</context>
<context>
    <name>EmergencyLogDialog</name>
    <message>
        <source>Emergency access log</source>
        <translation>Registro de accesos de urgencia</translation>
    </message>
    <message>
        <source>Each time a clinician opened a case that is not theirs in an emergency: who, which case, for how long, and the reason they gave. Newest first; access still open is in bold.</source>
        <translation>Cada vez que un profesional abrió en una urgencia un caso que no es suyo: quién, qué caso, durante cuánto tiempo y el motivo que dio. Lo más reciente primero; los accesos aún abiertos aparecen en negrita.</translation>
    </message>
    <message>
        <source>Emergency access grants</source>
        <translation>Accesos de urgencia concedidos</translation>
    </message>
    <message>
        <source>Nobody has opened a case in an emergency.</source>
        <translation>Nadie ha abierto un caso en una urgencia.</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualizar</translation>
    </message>
    <message>
        <source>%d open now, %d in all.</source>
        <translation>%d abiertos ahora, %d en total.</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Addenda are for signed notes; while a note is a draft, edit it directly.</source>
        <translation>Las adendas son para notas firmadas; mientras una nota es un borrador, edítela directamente.</translation>
    </message>
    <message>
        <source>This addendum is too long to save.</source>
        <translation>Esta adenda es demasiado larga para guardarla.</translation>
    </message>
    <message>
        <source>The practice in {folder} has lost its anchor file ({anchor_name}), which records the newest saved work, so work missing from the end of the record could not be noticed. Nothing has been changed. If the folder was copied without it, copy it again whole; or go on with the practice as it is (that decision is written to the audit trail).</source>
        <translation>La consulta de {folder} ha perdido su archivo ancla ({anchor_name}), que registra el último trabajo guardado, así que no se podría detectar trabajo que falte al final del registro. No se ha cambiado nada. Si la carpeta se copió sin él, cópiela de nuevo entera; o siga con la consulta tal como está (esa decisión queda en el registro de auditoría).</translation>
    </message>
    <message>
        <source>The practice in {folder} cannot be trusted as it is: {exc} ({anchor_name}, which records the newest saved work).</source>
        <translation>No se puede confiar en la consulta de {folder} tal como está: {exc} ({anchor_name}, que registra el último trabajo guardado).</translation>
    </message>
    <message>
        <source>The attending partner does not belong to this case.</source>
        <translation>El miembro de la pareja que asiste no pertenece a este caso.</translation>
    </message>
    <message>
        <source>That backup belongs to a different practice.</source>
        <translation>Esa copia de seguridad pertenece a otra consulta.</translation>
    </message>
    <message>
        <source>That backup cannot be used: {value}.</source>
        <translation>Esa copia de seguridad no se puede usar: {value}.</translation>
    </message>
    <message>
        <source>The backup could not be written to {root}: {value}.</source>
        <translation>No se pudo escribir la copia de seguridad en {root}: {value}.</translation>
    </message>
    <message>
        <source>The backup in {folder} failed its check: {exc}.</source>
        <translation>La copia de seguridad de {folder} no superó su comprobación: {exc}.</translation>
    </message>
    <message>
        <source>Cannot write a backup to {root}: {strerror}.</source>
        <translation>No se puede escribir una copia de seguridad en {root}: {strerror}.</translation>
    </message>
    <message>
        <source>This case is already active.</source>
        <translation>Este caso ya está activo.</translation>
    </message>
    <message>
        <source>This case is already closed.</source>
        <translation>Este caso ya está cerrado.</translation>
    </message>
    <message>
        <source>A case cannot change between couple and individual.</source>
        <translation>Un caso no puede pasar de pareja a individual ni al revés.</translation>
    </message>
    <message>
        <source>A case cannot be closed before the day it was opened.</source>
        <translation>Un caso no se puede cerrar antes del día en que se abrió.</translation>
    </message>
    <message>
        <source>This case is closed; reopen it to {doing}.</source>
        <translation>Este caso está cerrado; reábralo para {doing}.</translation>
    </message>
    <message>
        <source>This case has no session notes yet.</source>
        <translation>Este caso aún no tiene notas de sesión.</translation>
    </message>
    <message>
        <source>Choose a joint handout or one partner&apos;s handout, not both.</source>
        <translation>Elija una hoja conjunta o la hoja de un miembro de la pareja, no ambas.</translation>
    </message>
    <message>
        <source>Choose weekly or fortnightly to schedule a series.</source>
        <translation>Elija semanal o quincenal para programar una serie.</translation>
    </message>
    <message>
        <source>A copy for one partner is for couple cases; an individual case&apos;s record is the client&apos;s own, so export it whole.</source>
        <translation>Una copia para un miembro de la pareja es para casos de pareja; el registro de un caso individual es del propio cliente, así que expórtelo entero.</translation>
    </message>
    <message>
        <source>For a couple, choose a joint handout or one partner&apos;s handout.</source>
        <translation>Para una pareja, elija una hoja conjunta o la hoja de un miembro de la pareja.</translation>
    </message>
    <message>
        <source>A couple case has two partners.</source>
        <translation>Un caso de pareja tiene dos miembros.</translation>
    </message>
    <message>
        <source>The couple&apos;s loop is recorded at joint sessions only.</source>
        <translation>El ciclo de la pareja solo se registra en sesiones conjuntas.</translation>
    </message>
    <message>
        <source>A date of birth cannot be in the future.</source>
        <translation>Una fecha de nacimiento no puede estar en el futuro.</translation>
    </message>
    <message>
        <source>That date of birth is more than 120 years ago.</source>
        <translation>Esa fecha de nacimiento es de hace más de 120 años.</translation>
    </message>
    <message>
        <source>The {what} is more than a year from now ({when}).</source>
        <translation>La {what} es dentro de más de un año ({when}).</translation>
    </message>
    <message>
        <source>The {what} is more than {years} years ago ({when}).</source>
        <translation>La {what} es de hace más de {years} años ({when}).</translation>
    </message>
    <message>
        <source>The disk that holds the practice in {folder} is full. Nothing has been changed; make room on that disk (empty the bin, move large files), then try again.</source>
        <translation>El disco que contiene la consulta de {folder} está lleno. No se ha cambiado nada; libere espacio en ese disco (vacíe la papelera, mueva archivos grandes) y vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>Please choose {what}.</source>
        <translation>Elija {what}.</translation>
    </message>
    <message>
        <source>This does not look like a CSV text file (it holds binary data).</source>
        <translation>Esto no parece un archivo de texto CSV (contiene datos binarios).</translation>
    </message>
    <message>
        <source>This draft has writing, steps or readings in it, so it is not discarded; clear it first if the session really did not happen.</source>
        <translation>Este borrador contiene texto, pasos o lecturas, así que no se descarta; vacíelo primero si la sesión de verdad no se realizó.</translation>
    </message>
    <message>
        <source>This draft records the couple&apos;s loop, which belongs to joint sessions; clear it first.</source>
        <translation>Este borrador registra el ciclo de la pareja, que corresponde a sesiones conjuntas; bórrelo primero.</translation>
    </message>
    <message>
        <source>This draft records steps or readings for the partner who would no longer have attended; clear those first.</source>
        <translation>Este borrador registra pasos o lecturas del miembro de la pareja que ya no habría asistido; bórrelos primero.</translation>
    </message>
    <message>
        <source>“{text}” does not look like an e-mail address.</source>
        <translation>«{text}» no parece una dirección de correo electrónico.</translation>
    </message>
    <message>
        <source>An empty note cannot be signed; write the note first.</source>
        <translation>Una nota vacía no se puede firmar; escriba primero la nota.</translation>
    </message>
    <message>
        <source>{out} is a folder; choose a file name for the export.</source>
        <translation>{out} es una carpeta; elija un nombre de archivo para la exportación.</translation>
    </message>
    <message>
        <source>The file {name} cannot be read ({value}).</source>
        <translation>No se puede leer el archivo {name} ({value}).</translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation>El archivo está vacío.</translation>
    </message>
    <message>
        <source>The file says it is {encoding} but is not; save it again as CSV (UTF-8).</source>
        <translation>El archivo dice estar en {encoding} pero no lo está; guárdelo de nuevo como CSV (UTF-8).</translation>
    </message>
    <message>
        <source>The file has more than {max_rows:,} rows; split it into smaller files.</source>
        <translation>El archivo tiene más de {max_rows:,} filas; divídalo en archivos más pequeños.</translation>
    </message>
    <message>
        <source>The file has no column for the client&apos;s name (such as Name, or First name and Last name).</source>
        <translation>El archivo no tiene columna para el nombre del cliente (como Nombre, o Nombre y Apellidos).</translation>
    </message>
    <message>
        <source>The file is in a text encoding that cannot be read (neither UTF-8 nor Windows-1252); save it again as CSV (UTF-8).</source>
        <translation>El archivo está en una codificación de texto que no se puede leer (ni UTF-8 ni Windows-1252); guárdelo de nuevo como CSV (UTF-8).</translation>
    </message>
    <message>
        <source>The file is too large to be a client list (more than {number} MB).</source>
        <translation>El archivo es demasiado grande para ser una lista de clientes (más de {number} MB).</translation>
    </message>
    <message>
        <source>The file {name} is too large to be a client list (more than {number} MB).</source>
        <translation>El archivo {name} es demasiado grande para ser una lista de clientes (más de {number} MB).</translation>
    </message>
    <message>
        <source>The first line should name the columns (for example Name, Pronouns, Date of birth, E-mail, Phone), but none of its names is one that is known.</source>
        <translation>La primera línea debería nombrar las columnas (por ejemplo Name, Pronouns, Date of birth, E-mail, Phone), pero ninguno de sus nombres es conocido.</translation>
    </message>
    <message>
        <source>A first name on a handout has at most {max_first_name} characters.</source>
        <translation>Un nombre en una hoja tiene como máximo {max_first_name} caracteres.</translation>
    </message>
    <message>
        <source>A flooding marker names the partner who flooded.</source>
        <translation>Un marcador de desborde emocional indica quién se desbordó.</translation>
    </message>
    <message>
        <source>The folder {parent} does not exist.</source>
        <translation>La carpeta {parent} no existe.</translation>
    </message>
    <message>
        <source>{path} is a folder, not a CSV file.</source>
        <translation>{path} es una carpeta, no un archivo CSV.</translation>
    </message>
    <message>
        <source>The practice folder {folder} cannot be written to. Clarity needs to write there to keep your records; check the folder&apos;s permissions, or copy the practice to a folder you can write to.</source>
        <translation>No se puede escribir en la carpeta de la consulta {folder}. Clarity necesita escribir allí para guardar sus registros; revise los permisos de la carpeta o copie la consulta a una carpeta en la que pueda escribir.</translation>
    </message>
    <message>
        <source>The guidance file {path} could not be read: {strerror}.</source>
        <translation>No se pudo leer el archivo de orientación {path}: {strerror}.</translation>
    </message>
    <message>
        <source>The guidance file {source} is malformed at line {line_no}: {why}.</source>
        <translation>El archivo de orientación {source} tiene un error en la línea {line_no}: {why}.</translation>
    </message>
    <message>
        <source>the first line with text must be the title, “# Title”.</source>
        <translation>la primera línea con texto debe ser el título, «# Título».</translation>
    </message>
    <message>
        <source>sections start with “## ” (only one title is allowed).</source>
        <translation>las secciones empiezan con «## » (solo se admite un título).</translation>
    </message>
    <message>
        <source>unknown section “{name}” (expected Explore, Go gently, Handout).</source>
        <translation>sección desconocida «{name}» (se esperaba Explore, Go gently o Handout).</translation>
    </message>
    <message>
        <source>the section “{name}” appears twice.</source>
        <translation>la sección «{name}» aparece dos veces.</translation>
    </message>
    <message>
        <source>text before the first section.</source>
        <translation>hay texto antes de la primera sección.</translation>
    </message>
    <message>
        <source>each item starts with “- ” (indent a line to continue an item).</source>
        <translation>cada elemento empieza con «- » (sangre una línea para continuar un elemento).</translation>
    </message>
    <message>
        <source>the file is empty; it needs a title and three sections.</source>
        <translation>el archivo está vacío; necesita un título y tres secciones.</translation>
    </message>
    <message>
        <source>the section “{name}” is missing.</source>
        <translation>falta la sección «{name}».</translation>
    </message>
    <message>
        <source>the section “{name}” is empty.</source>
        <translation>la sección «{name}» está vacía.</translation>
    </message>
    <message>
        <source>The guidance file {path} is not UTF-8 text.</source>
        <translation>El archivo de orientación {path} no es texto UTF-8.</translation>
    </message>
    <message>
        <source>The guidance for step {label} is missing: {path} does not exist.</source>
        <translation>Falta la orientación del paso {label}: {path} no existe.</translation>
    </message>
    <message>
        <source>A handout is addressed to at most {max_first_names} people.</source>
        <translation>Una hoja se dirige como máximo a {max_first_names} personas.</translation>
    </message>
    <message>
        <source>{where}: the “{name}” section needs list items (“- …”).</source>
        <translation>{where}: la sección «{name}» necesita elementos de lista («- …»).</translation>
    </message>
    <message>
        <source>{where}: the “{name}” section needs text.</source>
        <translation>{where}: la sección «{name}» necesita texto.</translation>
    </message>
    <message>
        <source>{where}, line {line}: the section “{name}” is repeated.</source>
        <translation>{where}, línea {line}: la sección «{name}» está repetida.</translation>
    </message>
    <message>
        <source>{where}, line {line}: text before the first “## section” heading.</source>
        <translation>{where}, línea {line}: texto antes del primer encabezado «## sección».</translation>
    </message>
    <message>
        <source>The handout text {path} is missing.</source>
        <translation>Falta el texto de la hoja {path}.</translation>
    </message>
    <message>
        <source>The handout text {path} is not UTF-8 text.</source>
        <translation>El texto de la hoja {path} no es texto UTF-8.</translation>
    </message>
    <message>
        <source>{where}: the file has no “# Title” line.</source>
        <translation>{where}: el archivo no tiene línea «# Título».</translation>
    </message>
    <message>
        <source>Cannot read the handout text {path}: {reason}.</source>
        <translation>No se puede leer el texto de la hoja {path}: {reason}.</translation>
    </message>
    <message>
        <source>{where}, line {line}: a file has only one title.</source>
        <translation>{where}, línea {line}: un archivo tiene un solo título.</translation>
    </message>
    <message>
        <source>{where}, line {line}: unknown section “{name}” (expected one of: {allowed}).</source>
        <translation>{where}, línea {line}: sección desconocida «{name}» (se esperaba una de: {allowed}).</translation>
    </message>
    <message>
        <source>Some dates of birth read differently day first and month first; choose which order the file uses.</source>
        <translation>Algunas fechas de nacimiento se leen distinto con el día primero o el mes primero; elija qué orden usa el archivo.</translation>
    </message>
    <message>
        <source>Line {line} cannot be imported ({reason}); nothing was imported.</source>
        <translation>La línea {line} no se puede importar ({reason}); no se importó nada.</translation>
    </message>
    <message>
        <source>There is no client to import in this file.</source>
        <translation>No hay ningún cliente que importar en este archivo.</translation>
    </message>
    <message>
        <source>{count} rows cannot be imported; fix the file, or choose to skip the rows that cannot be imported.</source>
        <translation>{count} filas no se pueden importar; corrija el archivo o elija omitir las filas que no se pueden importar.</translation>
    </message>
    <message>
        <source>1 row cannot be imported; fix the file, or choose to skip the rows that cannot be imported.</source>
        <translation>1 fila no se puede importar; corrija el archivo o elija omitir las filas que no se pueden importar.</translation>
    </message>
    <message>
        <source>An individual case has one client.</source>
        <translation>Un caso individual tiene un cliente.</translation>
    </message>
    <message>
        <source>A joint handout is for couples; this is an individual case.</source>
        <translation>Una hoja conjunta es para parejas; este es un caso individual.</translation>
    </message>
    <message>
        <source>The practice&apos;s key file is damaged{detail}, so no passphrase can unlock the practice in {folder}. Nothing has been changed: copy practice.key from the newest folder in backups/ (every backup keeps one) over it.</source>
        <translation>El archivo de claves de la consulta está dañado{detail}, así que ninguna frase de contraseña puede desbloquear la consulta de {folder}. No se ha cambiado nada: copie encima practice.key desde la carpeta más reciente de backups/ (cada copia de seguridad guarda uno).</translation>
    </message>
    <message>
        <source>The key file in {folder} belongs to a different practice than the database beside it (was it copied from another practice folder?). Nothing has been changed; put this practice&apos;s own key file back (every backup folder holds a copy).</source>
        <translation>El archivo de claves de {folder} pertenece a una consulta distinta de la base de datos que tiene al lado (¿se copió desde otra carpeta de consulta?). No se ha cambiado nada; vuelva a poner el archivo de claves propio de esta consulta (cada carpeta de copia de seguridad guarda uno).</translation>
    </message>
    <message>
        <source>Line {number} cannot be read as CSV: a value on it is far too long.</source>
        <translation>La línea {number} no se puede leer como CSV: contiene un valor demasiado largo.</translation>
    </message>
    <message>
        <source>The loop between partners is marked at joint sessions.</source>
        <translation>El ciclo entre los miembros de la pareja se marca en sesiones conjuntas.</translation>
    </message>
    <message>
        <source>A loop episode names the partner who pursued and the one who withdrew.</source>
        <translation>Un episodio del ciclo indica quién buscó y quién se retiró.</translation>
    </message>
    <message>
        <source>Markers or handouts are recorded for this session, so it is not discarded.</source>
        <translation>Hay marcadores u hojas registrados para esta sesión, así que no se descarta.</translation>
    </message>
    <message>
        <source>This session&apos;s note is signed; its markers are locked with it.</source>
        <translation>La nota de esta sesión está firmada; sus marcadores quedan bloqueados con ella.</translation>
    </message>
    <message>
        <source>A marker can only name a partner who is in the session.</source>
        <translation>Un marcador solo puede nombrar a un miembro de la pareja presente en la sesión.</translation>
    </message>
    <message>
        <source>The answer to question {number} is {value}, but the scale runs from {low} to {high}.</source>
        <translation>La respuesta a la pregunta {number} es {value}, pero la escala va de {low} a {high}.</translation>
    </message>
    <message>
        <source>These answers belong to a session whose note is signed, so they are part of the signed record and cannot be changed.</source>
        <translation>Estas respuestas pertenecen a una sesión cuya nota está firmada, así que forman parte del registro firmado y no se pueden cambiar.</translation>
    </message>
    <message>
        <source>The measure definition {source}, line {line}: {why}.</source>
        <translation>La definición de medida {source}, línea {line}: {why}.</translation>
    </message>
    <message>
        <source>The measure definition {source} is not saved as UTF-8 text; save it as UTF-8 and try again.</source>
        <translation>La definición de medida {source} no está guardada como texto UTF-8; guárdala como UTF-8 y vuelve a intentarlo.</translation>
    </message>
    <message>
        <source>The measure definition {source} could not be read: {strerror}.</source>
        <translation>No se pudo leer la definición de medida {source}: {strerror}.</translation>
    </message>
    <message>
        <source>The measure definition {source}, line {line}: the id “{id}” is already used by {other}; give this measure another id.</source>
        <translation>La definición de medida {source}, línea {line}: el identificador «{id}» ya lo usa {other}; dale otro identificador a esta medida.</translation>
    </message>
    <message>
        <source>Question {number} cannot be skipped; choose an answer.</source>
        <translation>La pregunta {number} no se puede saltar; elige una respuesta.</translation>
    </message>
    <message>
        <source>Question {number} has no answer yet.</source>
        <translation>La pregunta {number} todavía no tiene respuesta.</translation>
    </message>
    <message>
        <source>“{item}” is not a question of the measure {measure}.</source>
        <translation>«{item}» no es una pregunta de la medida {measure}.</translation>
    </message>
    <message>
        <source>Only the partner who came to this individual session can answer for it.</source>
        <translation>Solo la persona que vino a esta sesión individual puede responder por ella.</translation>
    </message>
    <message>
        <source>“{value}” cannot be an id (use lower-case letters, digits and _, starting with a letter).</source>
        <translation>«{value}» no puede ser un identificador (usa minúsculas, cifras y _, empezando por una letra).</translation>
    </message>
    <message>
        <source>words for a band need a cut-off to go with them.</source>
        <translation>las palabras de una franja necesitan un punto de corte que las acompañe.</translation>
    </message>
    <message>
        <source>“{field}” is empty.</source>
        <translation>«{field}» está vacío.</translation>
    </message>
    <message>
        <source>the point {value} at the end of the scale needs a label.</source>
        <translation>el punto {value}, en un extremo de la escala, necesita una etiqueta.</translation>
    </message>
    <message>
        <source>“{field}” should be {kind}.</source>
        <translation>«{field}» debería ser {kind}.</translation>
    </message>
    <message>
        <source>“{field}” is in a language the definition does not list under languages.</source>
        <translation>«{field}» está en un idioma que la definición no incluye en languages.</translation>
    </message>
    <message>
        <source>“{value}” is not a way of scoring (use “sum” or “mean”).</source>
        <translation>«{value}» no es una forma de puntuar (usa «sum» o «mean»).</translation>
    </message>
    <message>
        <source>“{field}” is missing.</source>
        <translation>Falta «{field}».</translation>
    </message>
    <message>
        <source>“{value}” is not the id of one of the definition&apos;s items.</source>
        <translation>«{value}» no es el identificador de ninguna pregunta de la definición.</translation>
    </message>
    <message>
        <source>“{field}” must be a number above 0.</source>
        <translation>«{field}» tiene que ser un número mayor que 0.</translation>
    </message>
    <message>
        <source>the definition gives no score (add a [total] table or [[subscales]]).</source>
        <translation>la definición no da ninguna puntuación (añade una tabla [total] o [[subscales]]).</translation>
    </message>
    <message>
        <source>“{field}” is {value}, outside {low} to {high}.</source>
        <translation>«{field}» vale {value}, fuera del intervalo de {low} a {high}.</translation>
    </message>
    <message>
        <source>this is not valid TOML ({detail}).</source>
        <translation>esto no es TOML válido ({detail}).</translation>
    </message>
    <message>
        <source>a measure has at most {most} items.</source>
        <translation>una medida tiene como mucho {most} preguntas.</translation>
    </message>
    <message>
        <source>“{value}” is given twice.</source>
        <translation>«{value}» aparece dos veces.</translation>
    </message>
    <message>
        <source>“{field}” is not a field of a measure definition (check its spelling and its table).</source>
        <translation>«{field}» no es un campo de una definición de medida (revisa cómo está escrito y en qué tabla está).</translation>
    </message>
    <message>
        <source>“{value}” is not a language the program knows (en, es).</source>
        <translation>«{value}» no es un idioma que el programa conozca (en, es).</translation>
    </message>
    <message>
        <source>The message is too long for a handout (at most {max_message:,} characters).</source>
        <translation>El mensaje es demasiado largo para una hoja (como máximo {max_message:,} caracteres).</translation>
    </message>
    <message>
        <source>More repairs landed than were attempted.</source>
        <translation>Hay más reparaciones que funcionaron que intentos.</translation>
    </message>
    <message>
        <source>More than one partner is called “{name}” in this case; give the full name (partners: {known}).</source>
        <translation>Hay más de un miembro de la pareja llamado «{name}» en este caso; escriba el nombre completo (miembros: {known}).</translation>
    </message>
    <message>
        <source>Please enter {what}.</source>
        <translation>Escriba {what}.</translation>
    </message>
    <message>
        <source>{What} is too long (at most {max_name} characters).</source>
        <translation>{What}: texto demasiado largo (como máximo {max_name} caracteres).</translation>
    </message>
    <message>
        <source>The new passphrase is the same as the current one.</source>
        <translation>La nueva frase de contraseña es igual a la actual.</translation>
    </message>
    <message>
        <source>This note is already signed.</source>
        <translation>Esta nota ya está firmada.</translation>
    </message>
    <message>
        <source>The note pad holds too much text to save.</source>
        <translation>El bloc de notas tiene demasiado texto para guardarlo.</translation>
    </message>
    <message>
        <source>This note is signed and locked; add an addendum instead.</source>
        <translation>Esta nota está firmada y bloqueada; añada una adenda.</translation>
    </message>
    <message>
        <source>This note is signed and locked; its readings cannot change.</source>
        <translation>Esta nota está firmada y bloqueada; sus lecturas no pueden cambiar.</translation>
    </message>
    <message>
        <source>This note is too long to save.</source>
        <translation>Esta nota es demasiado larga para guardarla.</translation>
    </message>
    <message>
        <source>This note is too long to save (more than {max_note_chars:,} characters).</source>
        <translation>Esta nota es demasiado larga para guardarla (más de {max_note_chars:,} caracteres).</translation>
    </message>
    <message>
        <source>{folder} does not hold a Clarity practice.</source>
        <translation>{folder} no contiene una consulta de Clarity.</translation>
    </message>
    <message>
        <source>{folder} does not hold a Clarity practice: {exc}</source>
        <translation>{folder} no contiene una consulta de Clarity: {exc}</translation>
    </message>
    <message>
        <source>{folder} is not a Clarity backup.</source>
        <translation>{folder} no es una copia de seguridad de Clarity.</translation>
    </message>
    <message>
        <source>There is no note for session {session_id}.</source>
        <translation>No hay nota para la sesión {session_id}.</translation>
    </message>
    <message>
        <source>No step is recorded for {name} yet; choose the step for the handout.</source>
        <translation>Aún no hay ningún paso registrado para {name}; elija el paso de la hoja.</translation>
    </message>
    <message>
        <source>There is no answer set {answer_set_id}; it may have been removed.</source>
        <translation>No existe el conjunto de respuestas {answer_set_id}; puede que se haya eliminado.</translation>
    </message>
    <message>
        <source>There is no case number {case_id}.</source>
        <translation>No existe el caso número {case_id}.</translation>
    </message>
    <message>
        <source>There is no file {path}.</source>
        <translation>No existe el archivo {path}.</translation>
    </message>
    <message>
        <source>There is no marker number {marker_id}.</source>
        <translation>No existe el marcador número {marker_id}.</translation>
    </message>
    <message>
        <source>{who} is not permitted to {what}; nothing was changed.</source>
        <translation>{who} no tiene permiso para {what}; no se ha cambiado nada.</translation>
    </message>
    <message>
        <source>The practice&apos;s key file belongs to a user this practice does not have (or who was disabled); nothing has been changed.</source>
        <translation>El archivo de claves de la consulta pertenece a un usuario que esta consulta no tiene (o que fue desactivado); no se ha cambiado nada.</translation>
    </message>
    <message>
        <source>There is no measure called “{measure}”.</source>
        <translation>No hay ninguna medida llamada «{measure}».</translation>
    </message>
    <message>
        <source>There is no note number {note_id}.</source>
        <translation>No existe la nota número {note_id}.</translation>
    </message>
    <message>
        <source>There is no session number {session_id}.</source>
        <translation>No existe la sesión número {session_id}.</translation>
    </message>
    <message>
        <source>{What} is a number from {low} to {high}.</source>
        <translation>{What}: un número del {low} al {high}.</translation>
    </message>
    <message>
        <source>Only a loop episode names a second partner.</source>
        <translation>Solo un episodio del ciclo nombra a un segundo miembro de la pareja.</translation>
    </message>
    <message>
        <source>Only a quote carries text.</source>
        <translation>Solo una cita lleva texto.</translation>
    </message>
    <message>
        <source>Only a repair attempt lands or does not.</source>
        <translation>Solo un intento de reparación funciona o no.</translation>
    </message>
    <message>
        <source>Only a scheduled session can be rescheduled; a session with a note can have its details corrected while the note is a draft.</source>
        <translation>Solo se puede reprogramar una sesión programada; una sesión con nota puede corregir sus datos mientras la nota sea un borrador.</translation>
    </message>
    <message>
        <source>Only a session with a draft note can be corrected; reschedule a scheduled session instead.</source>
        <translation>Solo se puede corregir una sesión con nota en borrador; reprograme en su lugar una sesión programada.</translation>
    </message>
    <message>
        <source>The page size is A4 or Letter, not {value!r}.</source>
        <translation>El tamaño de página es A4 o Carta, no {value!r}.</translation>
    </message>
    <message>
        <source>The partners do not stand at one recorded step ({where}); choose the step for a joint handout.</source>
        <translation>Los miembros de la pareja no están en un mismo paso registrado ({where}); elija el paso para una hoja conjunta.</translation>
    </message>
    <message>
        <source>{name} at {step}</source>
        <translation>{name} en el paso {step}</translation>
    </message>
    <message>
        <source>{name} at no step yet</source>
        <translation>{name} aún sin paso</translation>
    </message>
    <message>
        <source>The partners&apos; names together are too long for the case name; please type a shorter name for the case.</source>
        <translation>Los nombres de la pareja juntos son demasiado largos para el nombre del caso; escriba un nombre más corto para el caso.</translation>
    </message>
    <message>
        <source>That partner does not belong to this case.</source>
        <translation>Ese miembro de la pareja no pertenece a este caso.</translation>
    </message>
    <message>
        <source>This practice was unlocked with the recovery key. Please set a new passphrase first (Practice &gt; Change passphrase); signing needs it.</source>
        <translation>Esta consulta se desbloqueó con la clave de recuperación. Establezca primero una nueva frase de contraseña (Consulta &gt; Cambiar frase de contraseña); firmar la necesita.</translation>
    </message>
    <message>
        <source>The period starts after it ends ({start} is after {end}).</source>
        <translation>El periodo empieza después de terminar ({start} es posterior a {end}).</translation>
    </message>
    <message>
        <source>There is no treatment plan version number {plan_id}.</source>
        <translation>No hay ninguna versión del plan de tratamiento con el número {plan_id}.</translation>
    </message>
    <message>
        <source>This case has no treatment plan yet; write one on the Treatment plan tab first.</source>
        <translation>Este caso aún no tiene plan de tratamiento; escríbalo primero en la pestaña Plan de tratamiento.</translation>
    </message>
    <message>
        <source>The plan of this case has no version {version}; its versions are {known}.</source>
        <translation>El plan de este caso no tiene versión {version}; sus versiones son {known}.</translation>
    </message>
    <message>
        <source>This version of the plan is already signed.</source>
        <translation>Esta versión del plan ya está firmada.</translation>
    </message>
    <message>
        <source>That goal is not in this case&apos;s treatment plan.</source>
        <translation>Ese objetivo no está en el plan de tratamiento de este caso.</translation>
    </message>
    <message>
        <source>This version of the plan is signed and locked; start a new version to change it.</source>
        <translation>Esta versión del plan está firmada y bloqueada; empieza una versión nueva para cambiarla.</translation>
    </message>
    <message>
        <source>Version {version} of the treatment plan of {case}</source>
        <translation>Versión {version} del plan de tratamiento de {case}</translation>
    </message>
    <message>
        <source>The agreement has a review date but no words; write the agreement or clear its date.</source>
        <translation>El acuerdo tiene fecha de revisión pero no tiene texto; escribe el acuerdo o borra su fecha.</translation>
    </message>
    <message>
        <source>Choose a review date for the agreement before signing the plan.</source>
        <translation>Elige una fecha de revisión para el acuerdo antes de firmar el plan.</translation>
    </message>
    <message>
        <source>The agreement&apos;s review date ({when}) has passed; choose a later day before signing.</source>
        <translation>La fecha de revisión del acuerdo ({when}) ya pasó; elige un día posterior antes de firmar.</translation>
    </message>
    <message>
        <source>A goal has no words yet; write it or remove it.</source>
        <translation>Un objetivo todavía no tiene texto; escríbelo o quítalo.</translation>
    </message>
    <message>
        <source>A plan without goals cannot be signed; add at least one goal.</source>
        <translation>Un plan sin objetivos no se puede firmar; añade al menos un objetivo.</translation>
    </message>
    <message>
        <source>In an individual case, goals and concerns belong to the client, not to a couple.</source>
        <translation>En un caso individual, los objetivos y los motivos de consulta son de la persona, no de una pareja.</translation>
    </message>
    <message>
        <source>Choose a review date before signing the plan.</source>
        <translation>Elige una fecha de revisión antes de firmar el plan.</translation>
    </message>
    <message>
        <source>An objective has no words yet; write it or remove it.</source>
        <translation>Un objetivo específico todavía no tiene texto; escríbelo o quítalo.</translation>
    </message>
    <message>
        <source>The plan&apos;s review date ({when}) has passed; choose a later day before signing.</source>
        <translation>La fecha de revisión del plan ({when}) ya pasó; elige un día posterior antes de firmar.</translation>
    </message>
    <message>
        <source>An objective&apos;s target date ({when}) is before the plan began ({start}).</source>
        <translation>La fecha prevista de un objetivo específico ({when}) es anterior al inicio del plan ({start}).</translation>
    </message>
    <message>
        <source>Please add a short note saying why the safety flag is set.</source>
        <translation>Añada una nota breve que diga por qué está activa la alerta de seguridad.</translation>
    </message>
    <message>
        <source>Please choose a passphrase of at least {min_passphrase} characters.</source>
        <translation>Elija una frase de contraseña de al menos {min_passphrase} caracteres.</translation>
    </message>
    <message>
        <source>Please enter the clinician&apos;s name; it appears on signed notes.</source>
        <translation>Escriba el nombre del profesional; aparece en las notas firmadas.</translation>
    </message>
    <message>
        <source>Please give the first name (or names) to print on the handout.</source>
        <translation>Indique el nombre (o los nombres) que se imprimirán en la hoja.</translation>
    </message>
    <message>
        <source>Please type the words worth keeping.</source>
        <translation>Escriba las palabras que vale la pena guardar.</translation>
    </message>
    <message>
        <source>Please write the addendum before adding it.</source>
        <translation>Escriba la adenda antes de añadirla.</translation>
    </message>
    <message>
        <source>The practice in {folder} is missing work that was saved up to {at:%Y-%m-%d %H:%M} UTC: the database is older than its last clean close (an older copy may have been put in its place, or its log file was lost). Nothing has been changed. Restore the newest backup, or go on with the practice as it is (that decision is written to the audit trail).</source>
        <translation>A la consulta de {folder} le falta trabajo guardado hasta el {at:%Y-%m-%d %H:%M} UTC: la base de datos es anterior a su último cierre correcto (puede que se pusiera una copia antigua en su lugar o que se perdiera su archivo de registro). No se ha cambiado nada. Restaure la copia de seguridad más reciente o siga con la consulta tal como está (esa decisión queda en el registro de auditoría).</translation>
    </message>
    <message>
        <source>The practice in {folder} is being restored or repaired by another Clarity program; try again when it has finished.</source>
        <translation>Otro programa de Clarity está restaurando o reparando la consulta de {folder}; vuelva a intentarlo cuando termine.</translation>
    </message>
    <message>
        <source>Another task is writing to the practice just now (an import, a backup or another Clarity program); nothing was changed, so please try again in a moment.</source>
        <translation>Otra tarea está escribiendo en la consulta en este momento (una importación, una copia de seguridad u otro programa de Clarity); no se cambió nada, así que vuelva a intentarlo en un momento.</translation>
    </message>
    <message>
        <source>{problem}.</source>
        <translation>{problem}.</translation>
    </message>
    <message>
        <source>{problem}. ({more} more problems found.)</source>
        <translation>{problem}. (Se encontraron {more} problemas más.)</translation>
    </message>
    <message>
        <source>The practice database in {folder} has damaged pages ({count} found).</source>
        <translation>La base de datos de la consulta de {folder} tiene páginas dañadas ({count} encontradas).</translation>
    </message>
    <message>
        <source>The practice database in {folder} is damaged: {detail}.</source>
        <translation>La base de datos de la consulta de {folder} está dañada: {detail}.</translation>
    </message>
    <message>
        <source>The practice database in {folder} has records that point nowhere.</source>
        <translation>La base de datos de la consulta de {folder} tiene registros que remiten a otros que no existen.</translation>
    </message>
    <message>
        <source>The database {dbname} on {host} already holds a Clarity practice; nothing was changed.</source>
        <translation>La base de datos {dbname} en {host} ya contiene una consulta de Clarity; no se cambió nada.</translation>
    </message>
    <message>
        <source>This practice lives on a server: it is backed up and restored there (“clarity-desktop server backup”), not from this workstation.</source>
        <translation>Esta consulta vive en un servidor: las copias de seguridad y la restauración se hacen allí («clarity-desktop server backup»), no desde este equipo.</translation>
    </message>
    <message>
        <source>The certificate authority file {path} could not be read; choose the CA file your practice&apos;s administrator gave you.</source>
        <translation>No se pudo leer el archivo de la autoridad de certificación {path}; elija el archivo CA que le dio la administración de su consulta.</translation>
    </message>
    <message>
        <source>The server at {host}:{port} showed a certificate that the chosen CA file does not vouch for, or one made out to another name; Clarity did not send your password.</source>
        <translation>El servidor de {host}:{port} presentó un certificado que el archivo CA elegido no respalda, o uno emitido a otro nombre; Clarity no envió su contraseña.</translation>
    </message>
    <message>
        <source>The server connection saved in {folder} could not be read ({exc}).</source>
        <translation>No se pudo leer la conexión al servidor guardada en {folder} ({exc}).</translation>
    </message>
    <message>
        <source>Your password signs you in, but your signing key is still locked under an earlier password; sign in once with the earlier password and change it from Clarity, or ask an administrator.</source>
        <translation>Su contraseña le permite entrar, pero su clave de firma sigue protegida con una contraseña anterior; entre una vez con la anterior y cámbiela desde Clarity, o consulte a la administración.</translation>
    </message>
    <message>
        <source>{user} may not give keys from the recovery sheet; run “clarity-desktop server recover-keys” as the server&apos;s superuser (usually postgres).</source>
        <translation>{user} no puede dar claves con la hoja de recuperación; ejecute «clarity-desktop server recover-keys» como superusuario del servidor (normalmente postgres).</translation>
    </message>
    <message>
        <source>This practice&apos;s server is from before encryption, so it holds no keys to give yet; run “clarity-desktop server upgrade” first, then this again.</source>
        <translation>El servidor de esta consulta es de antes del cifrado, así que aún no tiene claves que dar; ejecute primero «clarity-desktop server upgrade» y después vuelva a ejecutar esto.</translation>
    </message>
    <message>
        <source>You cannot open a case in an emergency until a colleague shares the client directory with you: your reason is kept encrypted under it, and until then every client&apos;s name reads &quot;Name locked&quot; to you. Those who hold it see your request on their Today view; in the meantime, ask a supervisor to open the case.</source>
        <translation>No puede abrir un caso en una emergencia hasta que un colega comparta con usted el directorio de clientes: su motivo se guarda cifrado con él, y hasta entonces el nombre de cada cliente le aparece como «Nombre bloqueado». Quienes lo tienen ven su solicitud en su vista de Hoy; mientras tanto, pida a un supervisor que abra el caso.</translation>
    </message>
    <message>
        <source>This text is locked until someone who holds the case&apos;s key shares it with you, so it cannot be changed, signed or sealed here yet. Those who hold the key are asked to share it; until then you see the case&apos;s dates, steps and sessions but not its text.</source>
        <translation>Este texto está bloqueado hasta que alguien que tenga la clave del caso la comparta con usted, así que aún no puede cambiarlo, firmarlo ni sellarlo aquí. A quienes tienen la clave se les pide que la compartan; mientras tanto, usted ve las fechas, los pasos y las sesiones del caso, pero no su texto.</translation>
    </message>
    <message>
        <source>the audit trail&apos;s link at entry {entry} does not hold</source>
        <translation>el enlace del registro de auditoría en la entrada {entry} no se sostiene</translation>
    </message>
    <message>
        <source>{table}: {source} rows in the solo practice, {server} on the server</source>
        <translation>{table}: {source} filas en la consulta individual, {server} en el servidor</translation>
    </message>
    <message>
        <source>The copy on the server did not match the solo practice ({problem}), so nothing was written to the server.</source>
        <translation>La copia en el servidor no coincidía con la consulta individual ({problem}), así que no se escribió nada en el servidor.</translation>
    </message>
    <message>
        <source>{user} is not the server&apos;s superuser; moving a solo practice in writes every table past row-level security, so run it as the superuser.</source>
        <translation>{user} no es el superusuario del servidor; trasladar una consulta individual escribe en todas las tablas por encima de la seguridad por filas, así que hágalo como superusuario.</translation>
    </message>
    <message>
        <source>The practice server {dbname} already holds records of its own ({found}); a solo practice moves only onto a server just set up with “server init”, before anyone signs in.</source>
        <translation>El servidor de la consulta {dbname} ya tiene registros propios ({found}); una consulta individual solo se traslada a un servidor recién preparado con «server init», antes de que nadie inicie sesión.</translation>
    </message>
    <message>
        <source>{folder} is already a practice server&apos;s folder, not a solo practice.</source>
        <translation>{folder} ya es la carpeta de un servidor de consulta, no una consulta individual.</translation>
    </message>
    <message>
        <source>The solo practice in {folder} has no signing key yet; open it once with its passphrase, close it, then move it.</source>
        <translation>La consulta individual de {folder} aún no tiene clave de firma; ábrala una vez con su frase de contraseña, ciérrela y después trasládela.</translation>
    </message>
    <message>
        <source>rows of {table} arrived changed</source>
        <translation>filas de {table} llegaron cambiadas</translation>
    </message>
    <message>
        <source>The solo practice in {folder} was last opened by an older Clarity Desktop; open it once with this version (it updates itself), close it, then move it.</source>
        <translation>La consulta individual de {folder} se abrió por última vez con una versión anterior de Clarity Desktop; ábrala una vez con esta versión (se actualiza sola), ciérrela y después trasládela.</translation>
    </message>
    <message>
        <source>The server did not accept the password for {user}, or that login may not sign in.</source>
        <translation>El servidor no aceptó la contraseña de {user}, o ese usuario no tiene permiso para entrar.</translation>
    </message>
    <message>
        <source>The server already has a login named {login}; choose another.</source>
        <translation>El servidor ya tiene un usuario llamado {login}; elija otro.</translation>
    </message>
    <message>
        <source>A practice on a server is set up once by an administrator with “clarity-desktop server init”.</source>
        <translation>Una consulta en un servidor la prepara una sola vez quien la administra, con «clarity-desktop server init».</translation>
    </message>
    <message>
        <source>“{name}” cannot be used as a name on the server: use letters, digits and underscores, starting with a letter (at most 63).</source>
        <translation>«{name}» no sirve como nombre en el servidor: use letras, cifras y guiones bajos, empezando por una letra (63 como máximo).</translation>
    </message>
    <message>
        <source>Give the person&apos;s name as it should appear on their signature.</source>
        <translation>Escriba el nombre de la persona tal como debe aparecer en su firma.</translation>
    </message>
    <message>
        <source>The database {dbname} on {host}:{port} is not a Clarity practice; an administrator sets one up with “clarity-desktop server init”.</source>
        <translation>La base de datos {dbname} en {host}:{port} no es una consulta de Clarity; la administración la prepara con «clarity-desktop server init».</translation>
    </message>
    <message>
        <source>{user} can sign in to the server but is not on this practice&apos;s staff list, or has been disabled.</source>
        <translation>{user} puede entrar en el servidor pero no figura en el equipo de esta consulta, o ha sido desactivado.</translation>
    </message>
    <message>
        <source>A practice server has no recovery key; an administrator can set a new password for your login.</source>
        <translation>Un servidor de consulta no tiene clave de recuperación; quien administra la consulta puede ponerle una contraseña nueva a su usuario.</translation>
    </message>
    <message>
        <source>There is no case {case} on this practice server.</source>
        <translation>No hay ningún caso {case} en este servidor de la consulta.</translation>
    </message>
    <message>
        <source>This practice has no staff member with the login {login}.</source>
        <translation>Esta consulta no tiene a nadie en el equipo con el usuario {login}.</translation>
    </message>
    <message>
        <source>Row-level security is off or not enforced on these tables of the practice server: {names}.</source>
        <translation>La seguridad por filas está desactivada o no se aplica en estas tablas del servidor de la consulta: {names}.</translation>
    </message>
    <message>
        <source>Could not reach the practice server at {host}:{port} ({detail}).</source>
        <translation>No se pudo llegar al servidor de la consulta en {host}:{port} ({detail}).</translation>
    </message>
    <message>
        <source>Leave the password out of the server address; Clarity asks for it separately and never stores it.</source>
        <translation>No ponga la contraseña en la dirección del servidor; Clarity la pide aparte y nunca la guarda.</translation>
    </message>
    <message>
        <source>“{url}” is not a server address Clarity understands; write it as postgresql://user@host:port/database.</source>
        <translation>«{url}» no es una dirección de servidor que Clarity entienda; escríbala como postgresql://usuario@servidor:puerto/base_de_datos.</translation>
    </message>
    <message>
        <source>The server at {host}:{port} asked for a weaker kind of sign-in than SCRAM-SHA-256, so Clarity did not send your password; ask your administrator to set the password again.</source>
        <translation>El servidor {host}:{port} pidió un inicio de sesión más débil que SCRAM-SHA-256, así que Clarity no envió su contraseña; pida a la administración que vuelva a establecer la contraseña.</translation>
    </message>
    <message>
        <source>The server at {host}:{port} did not offer an encrypted connection, so Clarity did not connect. Clarity talks to a practice server only over TLS.</source>
        <translation>El servidor {host}:{port} no ofreció una conexión cifrada, así que Clarity no se conectó. Clarity solo habla con un servidor de la consulta mediante TLS.</translation>
    </message>
    <message>
        <source>A solo practice has one clinician; staff logins, case assignments and supervision belong to a practice server.</source>
        <translation>Una consulta individual tiene un solo profesional; los usuarios del equipo, la asignación de casos y la supervisión son propios de un servidor de la consulta.</translation>
    </message>
    <message>
        <source>Someone else saved this note after you opened it, so your changes were not saved over theirs. Compare the two versions, then keep one or combine them.</source>
        <translation>Otra persona guardó esta nota después de que usted la abriera, así que sus cambios no se guardaron encima de los suyos. Compare las dos versiones y quédese con una o combínelas.</translation>
    </message>
    <message>
        <source>{user} may not make the practice&apos;s schema and roles on the server; run “clarity-desktop server init” as the server&apos;s superuser (usually postgres).</source>
        <translation>{user} no puede crear el esquema y los roles de la consulta en el servidor; ejecute «clarity-desktop server init» como superusuario del servidor (normalmente postgres).</translation>
    </message>
    <message>
        <source>{who} reads no clinical records, so has no seals to check; an administrator checks the practice server with “clarity-desktop server check”, and each clinician checks the seals of their own cases with “clarity-desktop check”.</source>
        <translation>{who} no lee registros clínicos, así que no tiene sellos que comprobar; quien administra la consulta comprueba el servidor con «clarity-desktop server check», y cada profesional comprueba los sellos de sus propios casos con «clarity-desktop check».</translation>
    </message>
    <message>
        <source>The server at {host}:{port} has no database named {dbname}; create it first (for example with createdb {dbname} on the server), then set the practice up again.</source>
        <translation>El servidor de {host}:{port} no tiene ninguna base de datos llamada {dbname}; créela primero (por ejemplo, con createdb {dbname} en el servidor) y vuelva a preparar la consulta.</translation>
    </message>
    <message>
        <source>The backup pg_dump wrote holds no table data, so it was not kept; nothing was written to {path}.</source>
        <translation>La copia de seguridad que escribió pg_dump no contiene datos de ninguna tabla, así que no se ha guardado; no se escribió nada en {path}.</translation>
    </message>
    <message>
        <source>{tool} could not back up the database {dbname} ({detail}); nothing was written to {path}.</source>
        <translation>{tool} no pudo hacer la copia de seguridad de la base de datos {dbname} ({detail}); no se escribió nada en {path}.</translation>
    </message>
    <message>
        <source>{user} cannot read past row-level security, so a backup made as them would silently miss rows; back up as the server&apos;s superuser (or a role with BYPASSRLS).</source>
        <translation>{user} no puede leer más allá de la seguridad por filas, así que una copia hecha con ese usuario dejaría filas fuera sin avisar; haga la copia como superusuario del servidor (o con un rol con BYPASSRLS).</translation>
    </message>
    <message>
        <source>pg_restore could not read the new backup back ({detail}), so it was not kept; nothing was written to {path}.</source>
        <translation>pg_restore no pudo volver a leer la copia de seguridad nueva ({detail}), así que no se ha guardado; no se escribió nada en {path}.</translation>
    </message>
    <message>
        <source>{folder} holds a solo practice, not a practice server&apos;s address; the server commands take a folder made by “clarity-desktop server connect”.</source>
        <translation>{folder} contiene una consulta individual, no la dirección de un servidor de consulta; las órdenes «server» necesitan una carpeta creada con «clarity-desktop server connect».</translation>
    </message>
    <message>
        <source>Give the practice a name, as it should appear on its documents.</source>
        <translation>Ponga un nombre a la consulta, tal como debe aparecer en sus documentos.</translation>
    </message>
    <message>
        <source>{tool} was not found on this computer; install the PostgreSQL client programs (on Debian and Ubuntu, the postgresql-client package).</source>
        <translation>No se encontró {tool} en este equipo; instale los programas cliente de PostgreSQL (en Debian y Ubuntu, el paquete postgresql-client).</translation>
    </message>
    <message>
        <source>A solo practice&apos;s clinician already sees every case; emergency access belongs to a practice server.</source>
        <translation>En una consulta individual, el terapeuta ya ve todos los casos; el acceso de emergencia es propio de un servidor de consulta.</translation>
    </message>
    <message>
        <source>{supervisor} cannot supervise {supervisee}: a supervisor oversees another clinician.</source>
        <translation>{supervisor} no puede supervisar a {supervisee}: quien supervisa acompaña a otro terapeuta.</translation>
    </message>
    <message>
        <source>Please say why you need this case now, in at least {min_reason} characters.</source>
        <translation>Explique por qué necesita este caso ahora, con al menos {min_reason} caracteres.</translation>
    </message>
    <message>
        <source>Emergency access lasts from a few minutes up to {max_hours} hours.</source>
        <translation>El acceso de emergencia dura desde unos minutos hasta {max_hours} horas como máximo.</translation>
    </message>
    <message>
        <source>Please say why you are taking over editing this note; the reason goes into the audit trail.</source>
        <translation>Indique por qué pasa a editar usted esta nota; el motivo queda en el registro de auditoría.</translation>
    </message>
    <message>
        <source>The two new passwords do not match.</source>
        <translation>Las dos contraseñas nuevas no coinciden.</translation>
    </message>
    <message>
        <source>The new password is the same as the current one.</source>
        <translation>La contraseña nueva es igual a la actual.</translation>
    </message>
    <message>
        <source>Please choose a password of at least {min_passphrase} characters.</source>
        <translation>Elija una contraseña de al menos {min_passphrase} caracteres.</translation>
    </message>
    <message>
        <source>That is not your current password.</source>
        <translation>Esa no es su contraseña actual.</translation>
    </message>
    <message>
        <source>The practice server&apos;s records are from an older Clarity Desktop; the server&apos;s administrator must upgrade it first (clarity-desktop server upgrade).</source>
        <translation>Los registros del servidor de la consulta son de una versión anterior de Clarity Desktop; quien administra el servidor debe actualizarlo primero (clarity-desktop server upgrade).</translation>
    </message>
    <message>
        <source>{user} may not upgrade the practice&apos;s schema on the server; run “clarity-desktop server upgrade” as the server&apos;s superuser (usually postgres).</source>
        <translation>{user} no puede actualizar el esquema de la consulta en el servidor; ejecute «clarity-desktop server upgrade» como superusuario del servidor (normalmente postgres).</translation>
    </message>
    <message>
        <source>The practice on {server} was upgraded by a newer Clarity Desktop ({newer}), so nothing was changed; upgrade it with that version or a newer one.</source>
        <translation>Una versión más reciente de Clarity Desktop ya actualizó la consulta en {server} ({newer}), así que no se ha cambiado nada; actualícela con esa versión o con una posterior.</translation>
    </message>
    <message>
        <source>The practice in {folder} has record locks missing or altered ({names}).</source>
        <translation>La consulta de {folder} tiene bloqueos de registros ausentes o alterados ({names}).</translation>
    </message>
    <message>
        <source>The practice database in {folder} is damaged ({exc}).</source>
        <translation>La base de datos de la consulta de {folder} está dañada ({exc}).</translation>
    </message>
    <message>
        <source>The audit trail of the practice in {folder} is broken at entry {entry}: entries were changed, removed or inserted.</source>
        <translation>El registro de auditoría de la consulta de {folder} está roto en la entrada {entry}: se cambiaron, eliminaron o insertaron entradas.</translation>
    </message>
    <message>
        <source>Note {note}</source>
        <translation>Nota {note}</translation>
    </message>
    <message>
        <source>Note {note} (session of {day}, {case})</source>
        <translation>Nota {note} (sesión del {day}, {case})</translation>
    </message>
    <message>
        <source>Addendum {addendum}</source>
        <translation>Adenda {addendum}</translation>
    </message>
    <message>
        <source>Addendum {addendum} to note {note}</source>
        <translation>Adenda {addendum} a la nota {note}</translation>
    </message>
    <message>
        <source>{what}: its seal is not genuine.</source>
        <translation>{what}: su sello no es auténtico.</translation>
    </message>
    <message>
        <source>{what}: its seal was made with a key this practice does not know.</source>
        <translation>{what}: su sello se hizo con una clave que esta consulta no conoce.</translation>
    </message>
    <message>
        <source>{what}: it was signed and sealed, and is now missing or no longer signed.</source>
        <translation>{what}: se firmó y se selló, y ahora falta o ya no está firmada.</translation>
    </message>
    <message>
        <source>{what}: it was changed after it was signed.</source>
        <translation>{what}: se modificó después de firmarse.</translation>
    </message>
    <message>
        <source>{what}: it is signed but has no seal.</source>
        <translation>{what}: está firmada pero no tiene sello.</translation>
    </message>
    <message>
        <source>The co-signature of {what}</source>
        <translation>La cofirma de {what}</translation>
    </message>
    <message>
        <source>{what}: it is co-signed, but the co-signature has no seal.</source>
        <translation>{what}: está cofirmada, pero la cofirma no tiene sello.</translation>
    </message>
    <message>
        <source>This note is already co-signed.</source>
        <translation>Esta nota ya está cofirmada.</translation>
    </message>
    <message>
        <source>This note is already with {supervisor} for review.</source>
        <translation>Esta nota ya está con {supervisor} para su revisión.</translation>
    </message>
    <message>
        <source>{supervisor} approves your notes before you sign them; this note can be signed once it is approved.</source>
        <translation>{supervisor} aprueba sus notas antes de que las firme; podrá firmar esta nota cuando esté aprobada.</translation>
    </message>
    <message>
        <source>Please write what should change before you return the note.</source>
        <translation>Escribe qué debería cambiar antes de devolver la nota.</translation>
    </message>
    <message>
        <source>A note is co-signed after its clinician has signed it.</source>
        <translation>Una nota se cofirma después de que la firme quien la escribió.</translation>
    </message>
    <message>
        <source>This note was approved as it stands: sign it, or ask {supervisor} to return it if it needs changing.</source>
        <translation>Esta nota se aprobó tal como está: fírmela, o pida a {supervisor} que se la devuelva si hay que cambiarla.</translation>
    </message>
    <message>
        <source>This note is with {supervisor} for review; it can be changed again once it is returned.</source>
        <translation>Esta nota está con {supervisor} para su revisión; podrá cambiarla de nuevo cuando se la devuelva.</translation>
    </message>
    <message>
        <source>Supervision is view only, review and approve, or review and co-sign.</source>
        <translation>La supervisión puede ser solo de lectura, de revisión y aprobación, o de revisión y cofirma.</translation>
    </message>
    <message>
        <source>You review {supervisee}&apos;s notes without co-signing them.</source>
        <translation>Revisas las notas de {supervisee} sin cofirmarlas.</translation>
    </message>
    <message>
        <source>Only the supervisor of the clinician who wrote this note can review or co-sign it.</source>
        <translation>Solo quien supervisa a la persona que escribió esta nota puede revisarla o cofirmarla.</translation>
    </message>
    <message>
        <source>This note is not waiting for review.</source>
        <translation>Esta nota no está pendiente de revisión.</translation>
    </message>
    <message>
        <source>Your notes do not need a supervisor&apos;s review before you sign them.</source>
        <translation>Tus notas no necesitan la revisión de un supervisor antes de firmarlas.</translation>
    </message>
    <message>
        <source>Nobody can supervise themselves.</source>
        <translation>Nadie puede supervisarse a sí mismo.</translation>
    </message>
    <message>
        <source>{supervisor} reviews your notes before you sign them: submit this note for review first.</source>
        <translation>{supervisor} revisa sus notas antes de que las firme: primero envíe esta nota a revisión.</translation>
    </message>
    <message>
        <source>Please choose your own password first (Practice ▸ Change password): your keys for reading and writing clients&apos; records are made then, so that nobody who knew your first password can open them.</source>
        <translation>Primero elija su propia contraseña (Consulta ▸ Cambiar la contraseña): en ese momento se crean sus claves para leer y escribir los expedientes de sus clientes, de modo que nadie que conociera su primera contraseña pueda abrirlos.</translation>
    </message>
    <message>
        <source>Clients&apos; names and contact details are locked for you until a colleague who holds the client directory shares it with you, so they cannot be written or changed here yet. Those who hold it see your request on their Today view.</source>
        <translation>Los nombres y datos de contacto de los clientes están bloqueados para usted hasta que un colega que tenga el directorio de clientes lo comparta con usted, así que aquí todavía no puede escribirlos ni cambiarlos. Quienes lo tienen ven su solicitud en su vista de Hoy.</translation>
    </message>
    <message>
        <source>Some of this case&apos;s text is locked for you until someone who holds the case&apos;s key shares it, so it cannot go into a document or an export yet: the locked notice would stand where the words belong. Those who hold the key are asked to share it.</source>
        <translation>Parte del texto de este caso está bloqueada para usted hasta que alguien que tiene la clave del caso se la comparta, así que todavía no puede incluirse en un documento ni en una exportación: el aviso de bloqueo ocuparía el lugar de lo que se escribió. Ya se ha pedido a quienes tienen la clave que la compartan.</translation>
    </message>
    <message>
        <source>There is nothing to share for case {case} any more: that person already holds its key, or no longer has access to it.</source>
        <translation>Ya no hay nada que compartir del caso {case}: esa persona ya tiene su clave o ya no tiene acceso a él.</translation>
    </message>
    <message>
        <source>The key the server gives for {who} is not vouched for by {who}&apos;s own signing key, so the case&apos;s key was not shared. Please tell your practice&apos;s administrator: the server may have been changed.</source>
        <translation>La clave que el servidor da para {who} no está avalada por la propia clave de firma de {who}, así que no se compartió la clave del caso. Por favor, avise a la persona que administra su consulta: es posible que el servidor se haya alterado.</translation>
    </message>
    <message>
        <source>The server now gives another key for {who} than the one this computer saw before, so nothing was shared with it. Please tell {who} and the practice&apos;s administrator: the server may have been changed.</source>
        <translation>El servidor da ahora para {who} una clave distinta de la que este equipo vio antes, así que no se ha compartido nada con ella. Avise a {who} y al administrador de la consulta: puede que hayan cambiado el servidor.</translation>
    </message>
    <message>
        <source>One of the practice&apos;s own keys on the server (its recovery or emergency key) is not the one this computer saw before, so Clarity did not open the practice. Please tell the practice&apos;s owner: the server may have been changed.</source>
        <translation>Una de las claves propias de la consulta en el servidor (la de recuperación o la de emergencia) no es la que este equipo vio antes, así que Clarity no abrió la consulta. Avise al titular de la consulta: puede que hayan cambiado el servidor.</translation>
    </message>
    <message>
        <source>Clarity could not read the keys this computer remembers for the practice server (pins.json in its folder), so it did not open the practice. Please ask the practice&apos;s administrator.</source>
        <translation>Clarity no pudo leer las claves que este equipo recuerda del servidor de la consulta (pins.json, en su carpeta), así que no abrió la consulta. Consulte al administrador de la consulta.</translation>
    </message>
    <message>
        <source>That is not a practice recovery key: it has {expected} letters and digits in groups of four, as printed on the recovery sheet.</source>
        <translation>Eso no es una clave de recuperación de la consulta: tiene {expected} letras y cifras en grupos de cuatro, tal como aparecen en la hoja de recuperación impresa.</translation>
    </message>
    <message>
        <source>That recovery key is a real one, but it belongs to another practice server (or to an earlier one): it does not open this practice&apos;s keys.</source>
        <translation>Esa clave de recuperación es válida, pero pertenece a otro servidor de consulta (o a uno anterior): no abre las claves de esta consulta.</translation>
    </message>
    <message>
        <source>That recovery key has a mistyped character: compare it group by group with the printed sheet.</source>
        <translation>Esa clave de recuperación tiene un carácter mal escrito: compárela grupo por grupo con la hoja impresa.</translation>
    </message>
    <message>
        <source>The server returned the {column} of a record in {table} (row {row}) in a form this version of Clarity cannot read. Nothing was shown from it.</source>
        <translation>El servidor devolvió el campo {column} de un registro de {table} (fila {row}) en una forma que esta versión de Clarity no sabe leer. No se ha mostrado nada de él.</translation>
    </message>
    <message>
        <source>The server returned the {column} of a record in {table} (row {row}) changed, moved from another record or put back to an older version, so it is not shown. Please tell your practice&apos;s administrator.</source>
        <translation>El servidor devolvió el campo {column} de un registro de {table} (fila {row}) alterado, traído de otro registro o devuelto a una versión anterior, así que no se muestra. Por favor, avise a la persona que administra su consulta.</translation>
    </message>
    <message>
        <source>A shared key on the server does not open with your key: it was made for someone else or changed on the server. Please tell your practice&apos;s administrator.</source>
        <translation>Una clave compartida en el servidor no se abre con su clave: se hizo para otra persona o se alteró en el servidor. Por favor, avise a la persona que administra su consulta.</translation>
    </message>
    <message>
        <source>{what}: it has no seal.</source>
        <translation>{what}: no tiene sello.</translation>
    </message>
    <message>
        <source>The practice could not be backed up before updating it: {exc}.</source>
        <translation>No se pudo hacer una copia de seguridad de la consulta antes de actualizarla: {exc}.</translation>
    </message>
    <message>
        <source>The practice database in {folder} is damaged or is not a Clarity practice.</source>
        <translation>La base de datos de la consulta de {folder} está dañada o no es una consulta de Clarity.</translation>
    </message>
    <message>
        <source>The practice database in {folder} is missing.</source>
        <translation>Falta la base de datos de la consulta de {folder}.</translation>
    </message>
    <message>
        <source>The practice in {folder} has lost its key file, so it cannot be opened.</source>
        <translation>La consulta de {folder} ha perdido su archivo de claves, así que no se puede abrir.</translation>
    </message>
    <message>
        <source>The practice in {folder} is open in another Clarity program (a window or a command); close it there first.</source>
        <translation>La consulta de {folder} está abierta en otro programa de Clarity (una ventana o un comando); ciérrela allí primero.</translation>
    </message>
    <message>
        <source>This practice is already open in another Clarity Desktop window. Close that one first, then unlock here.</source>
        <translation>Esta consulta ya está abierta en otra ventana de Clarity Desktop. Cierre esa primero y desbloquee aquí.</translation>
    </message>
    <message>
        <source>This practice was last used by a newer Clarity Desktop; please update the program.</source>
        <translation>Esta consulta se usó por última vez con una versión más nueva de Clarity Desktop; actualice el programa.</translation>
    </message>
    <message>
        <source>The printer could not be started.</source>
        <translation>No se pudo iniciar la impresora.</translation>
    </message>
    <message>
        <source>The printer stopped accepting pages.</source>
        <translation>La impresora dejó de aceptar páginas.</translation>
    </message>
    <message>
        <source>The document could not be prepared for printing.</source>
        <translation>No se pudo preparar el documento para imprimir.</translation>
    </message>
    <message>
        <source>The quotation mark that opens a value on line {line} is only closed on line {closed}, in the middle of a value, so lines {line} to {closed} would be read as one; check the quotation marks on line {line}, then try again.</source>
        <translation>Las comillas que abren un valor en la línea {line} solo se cierran en la línea {closed}, en mitad de un valor, así que las líneas {line} a {closed} se leerían como una sola; revise las comillas de la línea {line} y vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>A quote is at most {max_quote} characters.</source>
        <translation>Una cita tiene como máximo {max_quote} caracteres.</translation>
    </message>
    <message>
        <source>The quotation mark that opens a value on line {line} is never closed, so everything after it would be read as one value; close it or remove it, then try again.</source>
        <translation>Las comillas que abren un valor en la línea {line} no se cierran nunca, así que todo lo que sigue se leería como un solo valor; ciérrelas o quítelas y vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>{What} is too long (at most {max_short_note} characters).</source>
        <translation>{What}: texto demasiado largo (como máximo {max_short_note} caracteres).</translation>
    </message>
    <message>
        <source>The reason is too long (at most {max_reason} characters).</source>
        <translation>El motivo es demasiado largo (como máximo {max_reason} caracteres).</translation>
    </message>
    <message>
        <source>This case has a safety flag, so the handout has practices for one person in place of joint exercises; confirm to make it.</source>
        <translation>Este caso tiene una alerta de seguridad, así que la hoja trae prácticas para una sola persona en lugar de ejercicios conjuntos; confirme para crearla.</translation>
    </message>
    <message>
        <source>This case has a safety flag. A joint handout may not be safe; confirm to make it anyway.</source>
        <translation>Este caso tiene una alerta de seguridad. Una hoja conjunta puede no ser segura; confirme para crearla de todos modos.</translation>
    </message>
    <message>
        <source>The safety note is too long (at most 1000 characters).</source>
        <translation>La nota de seguridad es demasiado larga (como máximo 1000 caracteres).</translation>
    </message>
    <message>
        <source>A series has between 1 and {max_repeats} sessions.</source>
        <translation>Una serie tiene entre 1 y {max_repeats} sesiones.</translation>
    </message>
    <message>
        <source>This session is already marked “{status}”.</source>
        <translation>Esta sesión ya está marcada como «{status}».</translation>
    </message>
    <message>
        <source>This session was cancelled; nothing can be marked in it.</source>
        <translation>Esta sesión se canceló; no se puede marcar nada en ella.</translation>
    </message>
    <message>
        <source>This session has already been started; open its note.</source>
        <translation>Esta sesión ya ha empezado; abra su nota.</translation>
    </message>
    <message>
        <source>Session {id} has no note.</source>
        <translation>La sesión {id} no tiene nota.</translation>
    </message>
    <message>
        <source>A session lasts between 1 and {max_session_minutes} minutes.</source>
        <translation>Una sesión dura entre 1 y {max_session_minutes} minutos.</translation>
    </message>
    <message>
        <source>This session is marked “{status}”, so it cannot be started; schedule a new session instead.</source>
        <translation>Esta sesión está marcada como «{status}», así que no se puede empezar; programe en su lugar una sesión nueva.</translation>
    </message>
    <message>
        <source>A session marked “{status}” stays in the record.</source>
        <translation>Una sesión marcada como «{status}» se queda en el registro.</translation>
    </message>
    <message>
        <source>This session&apos;s note is signed and locked, so it cannot be {doing}; add an addendum to the note instead.</source>
        <translation>La nota de esta sesión está firmada y bloqueada, así que no se puede {doing}; añada en su lugar una adenda a la nota.</translation>
    </message>
    <message>
        <source>Session {session_id} is not a session of this case.</source>
        <translation>La sesión {session_id} no es una sesión de este caso.</translation>
    </message>
    <message>
        <source>Start this session first; it is still only scheduled.</source>
        <translation>Empiece primero esta sesión; todavía solo está programada.</translation>
    </message>
    <message>
        <source>This session is recorded as a no-show; nothing can be marked in it.</source>
        <translation>Esta sesión consta como no presentada; no se puede marcar nada en ella.</translation>
    </message>
    <message>
        <source>This session&apos;s note has writing, steps or readings in it, so the session took place and cannot be cancelled.</source>
        <translation>La nota de esta sesión contiene texto, pasos o lecturas, así que la sesión se realizó y no se puede cancelar.</translation>
    </message>
    <message>
        <source>A signed note cannot be discarded.</source>
        <translation>Una nota firmada no se puede descartar.</translation>
    </message>
    <message>
        <source>Steps and readings can only be recorded for a partner who attended this session.</source>
        <translation>Los pasos y las lecturas solo se pueden registrar para un miembro de la pareja que asistió a esta sesión.</translation>
    </message>
    <message>
        <source>A step is a number from 1 to 5, not {value!r}.</source>
        <translation>Un paso es un número del 1 al 5, no {value!r}.</translation>
    </message>
    <message>
        <source>The text is too large to be a client list.</source>
        <translation>El texto es demasiado grande para ser una lista de clientes.</translation>
    </message>
    <message>
        <source>{What} is too long (at most {max_short} characters).</source>
        <translation>{What}: texto demasiado largo (como máximo {max_short} caracteres).</translation>
    </message>
    <message>
        <source>There is already a practice in {folder}.</source>
        <translation>Ya hay una consulta en {folder}.</translation>
    </message>
    <message>
        <source>There is no Clarity practice in {folder}.</source>
        <translation>No hay ninguna consulta de Clarity en {folder}.</translation>
    </message>
    <message>
        <source>There is no partner called “{name}” in this case (partners: {known}).</source>
        <translation>No hay ningún miembro de la pareja llamado «{name}» en este caso (miembros: {known}).</translation>
    </message>
    <message>
        <source>There is no practice folder at {folder}.</source>
        <translation>No hay ninguna carpeta de consulta en {folder}.</translation>
    </message>
    <message>
        <source>There is no restore to undo: no copy from before a restore was found.</source>
        <translation>No hay ninguna restauración que deshacer: no se encontró ninguna copia de antes de una restauración.</translation>
    </message>
    <message>
        <source>The two new passphrases do not match.</source>
        <translation>Las dos frases de contraseña nuevas no coinciden.</translation>
    </message>
    <message>
        <source>The two passphrases do not match.</source>
        <translation>Las dos frases de contraseña no coinciden.</translation>
    </message>
    <message>
        <source>Updating this practice to the new version failed and was undone; your records are unchanged ({exc}).</source>
        <translation>La actualización de esta consulta a la nueva versión falló y se deshizo; sus registros no han cambiado ({exc}).</translation>
    </message>
    <message>
        <source>Could not write {target}: {reason}.</source>
        <translation>No se pudo escribir {target}: {reason}.</translation>
    </message>
    <message>
        <source>That passphrase does not unlock this practice.</source>
        <translation>Esa frase de contraseña no desbloquea esta consulta.</translation>
    </message>
    <message>
        <source>That recovery key does not unlock this practice.</source>
        <translation>Esa clave de recuperación no desbloquea esta consulta.</translation>
    </message>
    <message>
        <source>There is no room left on the disk. Nothing typed is lost; saving resumes when there is room.</source>
        <translation>No queda espacio en el disco. No se pierde nada de lo escrito; el guardado se reanuda cuando haya espacio.</translation>
    </message>
    <message>
        <source>The practice folder could not be used: %s.</source>
        <translation>No se pudo usar la carpeta de la consulta: %s.</translation>
    </message>
    <message>
        <source>Something unexpected went wrong (%s: %s).</source>
        <translation>Algo inesperado salió mal (%s: %s).</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export the case&apos;s records</source>
        <translation>Exportar los registros del caso</translation>
    </message>
    <message>
        <source>The &amp;whole record</source>
        <translation>El registro &amp;completo</translation>
    </message>
    <message>
        <source>A copy for &amp;one partner:</source>
        <translation>Una copia para &amp;un miembro de la pareja:</translation>
    </message>
    <message>
        <source>The partner the copy is for</source>
        <translation>Miembro de la pareja para quien es la copia</translation>
    </message>
    <message>
        <source>Withheld from this copy, and why:</source>
        <translation>Lo que se retiene de esta copia, y por qué:</translation>
    </message>
    <message>
        <source>What is withheld, and why</source>
        <translation>Qué se retiene, y por qué</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exportar…</translation>
    </message>
    <message>
        <source>&amp;Cancel export</source>
        <translation>Cancelar la e&amp;xportación</translation>
    </message>
    <message>
        <source>C&amp;lose</source>
        <translation>Ce&amp;rrar</translation>
    </message>
    <message>
        <source>Everything in the case, private notes of individual sessions included: the full record, for the file or a request you review before releasing.</source>
        <translation>Todo lo del caso, incluidas las notas privadas de las sesiones individuales: el registro completo, para el archivo o para una solicitud que usted revisa antes de entregarlo.</translation>
    </message>
    <message>
        <source>For %s alone: what belongs to the other partner is left out, and the ZIP lists it with the reason.</source>
        <translation>Solo para %s: lo que pertenece al otro miembro de la pareja se omite, y el ZIP lo enumera con el motivo.</translation>
    </message>
    <message>
        <source>• %s: withheld because %s.</source>
        <translation>• %s: retenido porque %s.</translation>
    </message>
    <message>
        <source>A copy for %s is in %s. It is not encrypted: keep it safe. Withheld, as listed above and in the ZIP&apos;s README.txt.</source>
        <translation>Hay una copia para %s en %s. No está cifrada: guárdela en un lugar seguro. Lo retenido figura arriba y en el README.txt del ZIP.</translation>
    </message>
    <message>
        <source>The records of %s (%d notes, %d addenda) are in %s. The file is not encrypted: keep it safe, and release only what the request covers.</source>
        <translation>Los registros de %s (%d notas, %d adendas) están en %s. El archivo no está cifrado: guárdelo en un lugar seguro y entregue solo lo que cubra la solicitud.</translation>
    </message>
    <message>
        <source>The export was cancelled; nothing was written.</source>
        <translation>Se canceló la exportación; no se escribió nada.</translation>
    </message>
</context>
<context>
    <name>FrontDeskWindow</name>
    <message>
        <source>&amp;Schedule</source>
        <translation>&amp;Agenda</translation>
    </message>
    <message>
        <source>&amp;Contacts</source>
        <translation>C&amp;ontactos</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>Actuali&amp;zar</translation>
    </message>
</context>
<context>
    <name>GrantLogModel</name>
    <message>
        <source>Access</source>
        <translation>Acceso</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Quién</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Caso</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Desde</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Hasta</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Open now</source>
        <translation>Abierto ahora</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>Terminado</translation>
    </message>
    <message>
        <source>case %d</source>
        <translation>caso %d</translation>
    </message>
</context>
<context>
    <name>GuidancePanel</name>
    <message>
        <source>Step guidance</source>
        <translation>Orientación por pasos</translation>
    </message>
    <message>
        <source>Guidance appears once a partner&apos;s step is recorded in a note.</source>
        <translation>La orientación aparece cuando se registra en una nota el paso de un miembro de la pareja.</translation>
    </message>
    <message>
        <source>%s and %s</source>
        <translation>%s y %s</translation>
    </message>
    <message>
        <source>Guidance for %s at %s</source>
        <translation>Orientación para %s en %s</translation>
    </message>
    <message>
        <source>Direction taking shape for %s: %s</source>
        <translation>Rumbo que va tomando forma para %s: %s</translation>
    </message>
    <message>
        <source>Explore</source>
        <translation>Explorar</translation>
    </message>
    <message>
        <source>Go gently</source>
        <translation>Con cuidado</translation>
    </message>
    <message>
        <source>Handout</source>
        <translation>Hoja para llevar</translation>
    </message>
    <message>
        <source>Safety flag set: check that a joint handout is safe to give.</source>
        <translation>Alerta de seguridad activa: compruebe que es seguro entregar una hoja conjunta.</translation>
    </message>
</context>
<context>
    <name>HandoutModel</name>
    <message>
        <source>Case</source>
        <translation>Caso</translation>
    </message>
    <message>
        <source>Given to</source>
        <translation>Entregada a</translation>
    </message>
    <message>
        <source>Handout</source>
        <translation>Hoja para llevar</translation>
    </message>
    <message>
        <source>Given</source>
        <translation>Entregada</translation>
    </message>
    <message>
        <source>Next session</source>
        <translation>Próxima sesión</translation>
    </message>
    <message>
        <source>Both partners</source>
        <translation>Ambos</translation>
    </message>
    <message>
        <source>Step %s</source>
        <translation>Paso %s</translation>
    </message>
    <message>
        <source> (in %s)</source>
        <translation> (en %s)</translation>
    </message>
    <message>
        <source> (safety-aware)</source>
        <translation> (con atención a la seguridad)</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import clients from a CSV file</source>
        <translation>Importar clientes desde un archivo CSV</translation>
    </message>
    <message>
        <source>Choose a client list exported by another practice system (columns such as name, pronouns, date of birth, e-mail and phone). Each row becomes one individual case for that client; to work with a couple, open a couple case for them afterwards. Nothing is added until you press Import.</source>
        <translation>Elija una lista de clientes exportada por otro sistema de consulta (columnas como nombre, pronombres, fecha de nacimiento, correo electrónico y teléfono). Cada fila se convierte en un caso individual para ese cliente; para trabajar con una pareja, abra después un caso de pareja para ellos. No se añade nada hasta que pulse Importar.</translation>
    </message>
    <message>
        <source>No file chosen</source>
        <translation>Ningún archivo elegido</translation>
    </message>
    <message>
        <source>CSV file</source>
        <translation>Archivo CSV</translation>
    </message>
    <message>
        <source>&amp;Choose file…</source>
        <translation>&amp;Elegir archivo…</translation>
    </message>
    <message>
        <source>Dates of birth such as 03/04/1985 mean</source>
        <translation>Las fechas de nacimiento como 03/04/1985 significan</translation>
    </message>
    <message>
        <source>&amp;Day first: 3 April 1985</source>
        <translation>&amp;Día primero: 3 de abril de 1985</translation>
    </message>
    <message>
        <source>&amp;Month first: March 4, 1985</source>
        <translation>&amp;Mes primero: 4 de marzo de 1985</translation>
    </message>
    <message>
        <source>Clients to import</source>
        <translation>Clientes que se importarán</translation>
    </message>
    <message>
        <source>Rows that cannot be imported</source>
        <translation>Filas que no se pueden importar</translation>
    </message>
    <message>
        <source>&amp;Skip the rows that cannot be imported</source>
        <translation>&amp;Omitir las filas que no se pueden importar</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importar</translation>
    </message>
    <message>
        <source>Choose a client list</source>
        <translation>Elija una lista de clientes</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.tsv *.txt);;All files (*)</source>
        <translation>Archivos CSV (*.csv *.tsv *.txt);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Reading the file…</source>
        <translation>Leyendo el archivo…</translation>
    </message>
    <message>
        <source>Line %d: %s</source>
        <translation>Línea %d: %s</translation>
    </message>
    <message>
        <source>1 client will be added</source>
        <translation>Se añadirá 1 cliente</translation>
    </message>
    <message>
        <source>%d clients will be added</source>
        <translation>Se añadirán %d clientes</translation>
    </message>
    <message>
        <source>1 row cannot be imported</source>
        <translation>1 fila no se puede importar</translation>
    </message>
    <message>
        <source>%d rows cannot be imported</source>
        <translation>%d filas no se pueden importar</translation>
    </message>
    <message>
        <source>%s; %s.</source>
        <translation>%s; %s.</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Importando…</translation>
    </message>
    <message>
        <source>Nothing was imported: %s</source>
        <translation>No se importó nada: %s</translation>
    </message>
</context>
<context>
    <name>ImportPreviewModel</name>
    <message>
        <source>Line</source>
        <translation>Línea</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Pronouns</source>
        <translation>Pronombres</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Fecha de nacimiento</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>Avisos</translation>
    </message>
</context>
<context>
    <name>InstrumentPanel</name>
    <message>
        <source>Score shown</source>
        <translation>Puntuación que se muestra</translation>
    </message>
</context>
<context>
    <name>KeySharePanel</name>
    <message>
        <source>People waiting for a case&apos;s key</source>
        <translation>Personas que esperan la clave de un caso</translation>
    </message>
    <message>
        <source>They can open the case, but its notes stay locked for them until you share its key. Share only with someone you expect to read this case.</source>
        <translation>Pueden abrir el caso, pero sus notas siguen bloqueadas para ellas hasta que usted comparta su clave. Compártala solo con quien deba leer este caso.</translation>
    </message>
    <message>
        <source>Who waits for a case&apos;s key could not be read: %s</source>
        <translation>No se pudo leer quién espera la clave de un caso: %s</translation>
    </message>
    <message>
        <source>Colleagues waiting for the client directory</source>
        <translation>Colegas que esperan el directorio de clientes</translation>
    </message>
    <message>
        <source>Until you share it, they see &quot;Name locked&quot; in place of every client&apos;s name and contact details. Share only with someone you know works here.</source>
        <translation>Hasta que usted lo comparta, verán «Nombre bloqueado» en lugar del nombre y los datos de contacto de cada cliente. Compártalo solo con alguien que sepa que trabaja aquí.</translation>
    </message>
    <message>
        <source>The key was not shared: %s</source>
        <translation>La clave no se compartió: %s</translation>
    </message>
</context>
<context>
    <name>KeyShareRow</name>
    <message>
        <source>Share</source>
        <translation>Compartir</translation>
    </message>
    <message>
        <source>Share the practice&apos;s emergency key with %1</source>
        <translation>Compartir la clave de emergencia de la consulta con %1</translation>
    </message>
    <message>
        <source>Share the client directory with %1</source>
        <translation>Compartir el directorio de clientes con %1</translation>
    </message>
    <message>
        <source>Share the case&apos;s key with %1</source>
        <translation>Compartir la clave del caso con %1</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>Ahora no</translation>
    </message>
    <message>
        <source>Do not share the case&apos;s key for now</source>
        <translation>No compartir la clave del caso por ahora</translation>
    </message>
    <message>
        <source>%1 joined the practice: share the client directory?</source>
        <translation>%1 se ha unido a la consulta: ¿compartir el directorio de clientes?</translation>
    </message>
    <message>
        <source>%1, a supervisor added by %3, does not hold the practice&apos;s emergency key: share it?</source>
        <translation>%1, supervisor añadido por %3, no tiene la clave de emergencia de la consulta: ¿quiere compartirla?</translation>
    </message>
    <message>
        <source>%1 opened %2 in an emergency: share the case&apos;s key?</source>
        <translation>%1 abrió %2 en una emergencia: ¿compartir la clave del caso?</translation>
    </message>
    <message>
        <source>%1 was given access to %2 by %3 (as a supervisor): share the case&apos;s key?</source>
        <translation>%3 dio a %1 acceso a %2 (como supervisor/a): ¿compartir la clave del caso?</translation>
    </message>
    <message>
        <source>%1 was given access to %2 by %3: share the case&apos;s key?</source>
        <translation>%3 dio a %1 acceso a %2: ¿compartir la clave del caso?</translation>
    </message>
    <message>
        <source>an administrator</source>
        <translation>una persona administradora</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Notice the Shift</source>
        <translation>Notar el cambio</translation>
    </message>
    <message>
        <source>Name What&apos;s Happening</source>
        <translation>Nombrar lo que pasa</translation>
    </message>
    <message>
        <source>Lean In</source>
        <translation>Explorar sin prisa</translation>
    </message>
    <message>
        <source>Find Your Direction</source>
        <translation>Encontrar tu rumbo</translation>
    </message>
    <message>
        <source>Move Forward with Intention</source>
        <translation>Avanzar con intención</translation>
    </message>
    <message>
        <source>Repair</source>
        <translation>Reparar</translation>
    </message>
    <message>
        <source>Redefinition</source>
        <translation>Redefinir</translation>
    </message>
    <message>
        <source>Letting go</source>
        <translation>Soltar</translation>
    </message>
    <message>
        <source>Not yet clear</source>
        <translation>Sin decidir</translation>
    </message>
    <message>
        <source>Five steps</source>
        <translation>Cinco pasos</translation>
    </message>
    <message>
        <source>DAP</source>
        <translation>DAP</translation>
    </message>
    <message>
        <source>SOAP</source>
        <translation>SOAP</translation>
    </message>
    <message>
        <source>Couple</source>
        <translation>Pareja</translation>
    </message>
    <message>
        <source>Individual</source>
        <translation>Individual</translation>
    </message>
    <message>
        <source>View only</source>
        <translation>Solo lectura</translation>
    </message>
    <message>
        <source>Review and approve</source>
        <translation>Revisión y aprobación</translation>
    </message>
    <message>
        <source>Review and co-sign</source>
        <translation>Revisión y cofirma</translation>
    </message>
    <message>
        <source>In person</source>
        <translation>Presencial</translation>
    </message>
    <message>
        <source>Telehealth</source>
        <translation>Telesalud</translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation>Programada</translation>
    </message>
    <message>
        <source>Held</source>
        <translation>Realizada</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelada</translation>
    </message>
    <message>
        <source>Late cancellation</source>
        <translation>Cancelación tardía</translation>
    </message>
    <message>
        <source>No-show</source>
        <translation>No se presentó</translation>
    </message>
    <message>
        <source>Pursue – withdraw</source>
        <translation>Buscar – retirarse</translation>
    </message>
    <message>
        <source>Talk – shut down</source>
        <translation>Hablar – cerrarse</translation>
    </message>
    <message>
        <source>Try harder – feel more distant</source>
        <translation>Esforzarse más – sentirse más lejos</translation>
    </message>
    <message>
        <source>Attack – attack</source>
        <translation>Atacar – atacar</translation>
    </message>
    <message>
        <source>Withdraw – withdraw</source>
        <translation>Retirarse – retirarse</translation>
    </message>
    <message>
        <source>Worked on</source>
        <translation>Trabajado</translation>
    </message>
    <message>
        <source>Moving</source>
        <translation>Avanzando</translation>
    </message>
    <message>
        <source>Steady</source>
        <translation>Estable</translation>
    </message>
    <message>
        <source>Harder for now</source>
        <translation>Más difícil por ahora</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Activo</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Cerrado</translation>
    </message>
    <message>
        <source>Clinician</source>
        <translation>Profesional</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>Supervisión</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Administración</translation>
    </message>
    <message>
        <source>Front desk</source>
        <translation>Recepción</translation>
    </message>
    <message>
        <source>Focus of the session</source>
        <translation>Foco de la sesión</translation>
    </message>
    <message>
        <source>What the couple brought today.</source>
        <translation>Lo que trajo hoy la pareja.</translation>
    </message>
    <message>
        <source>What the client brought today.</source>
        <translation>Lo que trajo hoy el cliente.</translation>
    </message>
    <message>
        <source>Noticing the shift</source>
        <translation>Notar el cambio</translation>
    </message>
    <message>
        <source>Changes sensed since last time.</source>
        <translation>Cambios percibidos desde la última vez.</translation>
    </message>
    <message>
        <source>Naming what&apos;s happening</source>
        <translation>Nombrar lo que pasa</translation>
    </message>
    <message>
        <source>Words found for what has changed.</source>
        <translation>Palabras encontradas para lo que ha cambiado.</translation>
    </message>
    <message>
        <source>Leaning in</source>
        <translation>Explorar sin prisa</translation>
    </message>
    <message>
        <source>Both pulls explored: what matters, what feels unsustainable.</source>
        <translation>Exploradas ambas fuerzas: lo que importa, lo que parece insostenible.</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Rumbo</translation>
    </message>
    <message>
        <source>Any direction taking shape, and how sure it feels.</source>
        <translation>Cualquier rumbo que vaya tomando forma, y con cuánta seguridad se siente.</translation>
    </message>
    <message>
        <source>Next steps</source>
        <translation>Próximos pasos</translation>
    </message>
    <message>
        <source>Agreed practices, homework, next session.</source>
        <translation>Prácticas acordadas, tareas, próxima sesión.</translation>
    </message>
    <message>
        <source>Safety and risk</source>
        <translation>Seguridad y riesgo</translation>
    </message>
    <message>
        <source>Screening, concerns, plan.</source>
        <translation>Cribado, preocupaciones, plan.</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Datos</translation>
    </message>
    <message>
        <source>What was observed and said.</source>
        <translation>Lo que se observó y se dijo.</translation>
    </message>
    <message>
        <source>Assessment</source>
        <translation>Valoración</translation>
    </message>
    <message>
        <source>Clinical impressions.</source>
        <translation>Impresiones clínicas.</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>Interventions and next steps.</source>
        <translation>Intervenciones y próximos pasos.</translation>
    </message>
    <message>
        <source>Subjective</source>
        <translation>Subjetivo</translation>
    </message>
    <message>
        <source>What the clients reported.</source>
        <translation>Lo que relataron los clientes.</translation>
    </message>
    <message>
        <source>What the client reported.</source>
        <translation>Lo que relató el cliente.</translation>
    </message>
    <message>
        <source>Objective</source>
        <translation>Objetivo</translation>
    </message>
    <message>
        <source>What the clinician observed.</source>
        <translation>Lo que observó el profesional.</translation>
    </message>
    <message>
        <source>Jotted during the session</source>
        <translation>Anotado durante la sesión</translation>
    </message>
    <message>
        <source>Moments</source>
        <translation>Momentos</translation>
    </message>
    <message>
        <source>Locked text</source>
        <translation>Texto bloqueado</translation>
    </message>
    <message>
        <source>Name locked</source>
        <translation>Nombre bloqueado</translation>
    </message>
    <message>
        <source>Reason locked</source>
        <translation>Motivo bloqueado</translation>
    </message>
    <message>
        <source>This text is locked until someone who holds the case&apos;s key shares it with you.</source>
        <translation>Este texto está bloqueado hasta que alguien que tenga la clave del caso la comparta con usted.</translation>
    </message>
    <message>
        <source>Sensing that something has changed; awareness before action.</source>
        <translation>Percibir que algo ha cambiado; darse cuenta antes de actuar.</translation>
    </message>
    <message>
        <source>Putting words to what changed and what no longer works.</source>
        <translation>Poner palabras a lo que cambió y a lo que ya no funciona.</translation>
    </message>
    <message>
        <source>Slowing down to explore both the pull to stay and the pull to go.</source>
        <translation>Ir más despacio para explorar tanto el impulso de quedarse como el de irse.</translation>
    </message>
    <message>
        <source>A direction is forming: repair, redefinition or letting go.</source>
        <translation>Un rumbo va tomando forma: reparar, redefinir o soltar.</translation>
    </message>
    <message>
        <source>Deliberate next steps taken from clarity, not from urgency.</source>
        <translation>Próximos pasos deliberados, desde la claridad y no desde la urgencia.</translation>
    </message>
    <message>
        <source>Both partners</source>
        <translation>Ambos</translation>
    </message>
    <message>
        <source>Too short: use at least 8 characters.</source>
        <translation>Demasiado corta: use al menos 8 caracteres.</translation>
    </message>
    <message>
        <source>Weak: a few unrelated words make a stronger passphrase.</source>
        <translation>Débil: unas cuantas palabras sin relación entre sí hacen una frase más sólida.</translation>
    </message>
    <message>
        <source>Weak: a few unrelated words make a stronger password.</source>
        <translation>Débil: unas cuantas palabras sin relación entre sí hacen una contraseña más sólida.</translation>
    </message>
    <message>
        <source>Fair: longer is stronger.</source>
        <translation>Aceptable: más larga es más sólida.</translation>
    </message>
    <message>
        <source>Good.</source>
        <translation>Buena.</translation>
    </message>
    <message>
        <source>Strong.</source>
        <translation>Sólida.</translation>
    </message>
    <message>
        <source>Strongly withdrawing</source>
        <translation>Se retira mucho</translation>
    </message>
    <message>
        <source>Withdrawing</source>
        <translation>Se retira</translation>
    </message>
    <message>
        <source>Leaning to withdraw</source>
        <translation>Tiende a retirarse</translation>
    </message>
    <message>
        <source>Neither</source>
        <translation>Ninguna</translation>
    </message>
    <message>
        <source>Leaning to pursue</source>
        <translation>Tiende a buscar</translation>
    </message>
    <message>
        <source>Pursuing</source>
        <translation>Busca</translation>
    </message>
    <message>
        <source>Strongly pursuing</source>
        <translation>Busca mucho</translation>
    </message>
    <message>
        <source>Married</source>
        <translation>Casados</translation>
    </message>
    <message>
        <source>Partnered, living together</source>
        <translation>En pareja, conviven</translation>
    </message>
    <message>
        <source>Dating</source>
        <translation>Saliendo</translation>
    </message>
    <message>
        <source>Situationship</source>
        <translation>Relación sin definir</translation>
    </message>
    <message>
        <source>Consensually non-monogamous</source>
        <translation>No monógamos por consenso</translation>
    </message>
    <message>
        <source>Separated, co-parenting</source>
        <translation>Separados, crianza compartida</translation>
    </message>
    <message>
        <source>Separated</source>
        <translation>Separados</translation>
    </message>
    <message>
        <source>Safety flag set: check before joint work or joint handouts.</source>
        <translation>Alerta de seguridad activa: revísela antes del trabajo conjunto o de las hojas conjuntas.</translation>
    </message>
    <message>
        <source>Partners are at different steps (%1: %2; %3: %4).</source>
        <translation>Los miembros de la pareja están en pasos distintos (%1: %2; %3: %4).</translation>
    </message>
    <message>
        <source>%1 flooded in each of the last %2 sessions they attended</source>
        <translation>%1 se desbordó en cada una de las últimas %2 sesiones a las que asistió</translation>
    </message>
    <message>
        <source>Loop intensity has risen %1 sessions running (%2).</source>
        <translation>La intensidad del ciclo ha subido %1 sesiones seguidas (%2).</translation>
    </message>
    <message>
        <source>Loop intensity rose sharply, from %1 to %2, at the latest session that recorded it (%3), and %4 flooded.</source>
        <translation>La intensidad del ciclo subió bruscamente, de %1 a %2, en la última sesión que la registró (%3), y %4 se desbordó.</translation>
    </message>
    <message>
        <source>No co-regulation noted in the last %1 joint sessions that recorded it.</source>
        <translation>No se anotó corregulación en las últimas %1 sesiones conjuntas que la registraron.</translation>
    </message>
    <message>
        <source>No session in the last %1 days (last on %2).</source>
        <translation>Ninguna sesión en los últimos %1 días (la última, el %2).</translation>
    </message>
    <message>
        <source>%1 and %2</source>
        <translation>%1 y %2</translation>
    </message>
</context>
<context>
    <name>LanguageChoice</name>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>Language of the handout</source>
        <translation>Idioma de la hoja para llevar</translation>
    </message>
    <message>
        <source>Pr&amp;int in</source>
        <translation>&amp;Imprimir en</translation>
    </message>
    <message>
        <source>The partners&apos; records name different handout languages; English unless you choose.</source>
        <translation>Los miembros de la pareja tienen idiomas distintos en su registro; en inglés salvo que usted elija otro.</translation>
    </message>
    <message>
        <source>The handout language on the client&apos;s record.</source>
        <translation>El idioma de las hojas que figura en el registro del cliente.</translation>
    </message>
</context>
<context>
    <name>Languages</name>
    <message>
        <source>English</source>
        <translation>Inglés</translation>
    </message>
    <message>
        <source>Spanish</source>
        <translation>Español</translation>
    </message>
</context>
<context>
    <name>MainMenus</name>
    <message>
        <source>Session &amp;brief…</source>
        <translation>Resu&amp;men para la sesión…</translation>
    </message>
    <message>
        <source>Session &amp;mode</source>
        <translation>Modo sesi&amp;ón</translation>
    </message>
    <message>
        <source>&amp;Practice</source>
        <translation>&amp;Consulta</translation>
    </message>
    <message>
        <source>&amp;Search notes…</source>
        <translation>&amp;Buscar en las notas…</translation>
    </message>
    <message>
        <source>&amp;Import clients…</source>
        <translation>&amp;Importar clientes…</translation>
    </message>
    <message>
        <source>&amp;Back up now…</source>
        <translation>Hacer copia de seguridad a&amp;hora…</translation>
    </message>
    <message>
        <source>&amp;Restore from a backup…</source>
        <translation>&amp;Restaurar desde una copia de seguridad…</translation>
    </message>
    <message>
        <source>&amp;Undo the last restore…</source>
        <translation>&amp;Deshacer la última restauración…</translation>
    </message>
    <message>
        <source>&amp;Audit trail…</source>
        <translation>Registro de a&amp;uditoría…</translation>
    </message>
    <message>
        <source>Emergency access lo&amp;g…</source>
        <translation>Registro de accesos de ur&amp;gencia…</translation>
    </message>
    <message>
        <source>Change &amp;passphrase…</source>
        <translation>Cambiar &amp;frase de contraseña…</translation>
    </message>
    <message>
        <source>Change &amp;password…</source>
        <translation>Cambiar la &amp;contraseña…</translation>
    </message>
    <message>
        <source>&amp;Lock now</source>
        <translation>B&amp;loquear ahora</translation>
    </message>
    <message>
        <source>Lock a&amp;fter inactivity</source>
        <translation>Bloquear &amp;tras inactividad</translation>
    </message>
    <message>
        <source>%s minutes</source>
        <translation>%s minutos</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>&amp;Case</source>
        <translation>C&amp;aso</translation>
    </message>
    <message>
        <source>&amp;New case…</source>
        <translation>&amp;Nuevo caso…</translation>
    </message>
    <message>
        <source>&amp;Edit case…</source>
        <translation>&amp;Editar caso…</translation>
    </message>
    <message>
        <source>&amp;Close case…</source>
        <translation>&amp;Cerrar caso…</translation>
    </message>
    <message>
        <source>&amp;Reopen case</source>
        <translation>&amp;Reabrir caso</translation>
    </message>
    <message>
        <source>New &amp;session…</source>
        <translation>Nueva &amp;sesión…</translation>
    </message>
    <message>
        <source>Sched&amp;ule sessions…</source>
        <translation>&amp;Programar sesiones…</translation>
    </message>
    <message>
        <source>Start check-&amp;in…</source>
        <translation>Empezar el cuest&amp;ionario…</translation>
    </message>
    <message>
        <source>En&amp;ter a paper form…</source>
        <translation>Ano&amp;tar un formulario en papel…</translation>
    </message>
    <message>
        <source>&amp;Filter cases</source>
        <translation>&amp;Filtrar casos</translation>
    </message>
    <message>
        <source>&amp;Open a case in an emergency…</source>
        <translation>&amp;Abrir un caso en una urgencia…</translation>
    </message>
    <message>
        <source>&amp;Documents and handouts…</source>
        <translation>&amp;Documentos y hojas para llevar…</translation>
    </message>
    <message>
        <source>Client &amp;handout…</source>
        <translation>&amp;Hoja para llevar…</translation>
    </message>
    <message>
        <source>Case su&amp;mmary…</source>
        <translation>Res&amp;umen del caso…</translation>
    </message>
    <message>
        <source>&amp;Progress report…</source>
        <translation>Informe de e&amp;volución…</translation>
    </message>
    <message>
        <source>E&amp;xport case records…</source>
        <translation>E&amp;xportar los registros del caso…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>Toda&amp;y</source>
        <translation>&amp;Hoy</translation>
    </message>
    <message>
        <source>Session &amp;note</source>
        <translation>&amp;Nota de sesión</translation>
    </message>
    <message>
        <source>Case &amp;dashboard</source>
        <translation>&amp;Panel del caso</translation>
    </message>
    <message>
        <source>Practice &amp;overview</source>
        <translation>&amp;Resumen de la consulta</translation>
    </message>
    <message>
        <source>&amp;Measures</source>
        <translation>Cuestionari&amp;os</translation>
    </message>
    <message>
        <source>Case &amp;list</source>
        <translation>&amp;Lista de casos</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Edición</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Deshacer</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rehacer</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>&amp;Nota</translation>
    </message>
    <message>
        <source>&amp;Sign and lock…</source>
        <translation>&amp;Firmar y bloquear…</translation>
    </message>
    <message>
        <source>&amp;Add addendum</source>
        <translation>A&amp;ñadir adenda</translation>
    </message>
    <message>
        <source>&amp;Print or save this note…</source>
        <translation>&amp;Imprimir o guardar esta nota…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Ay&amp;uda</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Atajos de teclado</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>A&amp;cerca de</translation>
    </message>
    <message>
        <source>About %s</source>
        <translation>Acerca de %s</translation>
    </message>
    <message>
        <source>%s %s
Records, session notes and five-step tracking for couples therapists.</source>
        <translation>%s %s
Registros, notas de sesión y seguimiento de los cinco pasos para terapeutas de pareja.</translation>
    </message>
    <message>
        <source>Passphrase changed.</source>
        <translation>Frase de contraseña cambiada.</translation>
    </message>
    <message>
        <source>Password changed.</source>
        <translation>Contraseña cambiada.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source> — DEMO practice</source>
        <translation> — Consulta de DEMOSTRACIÓN</translation>
    </message>
    <message>
        <source>Signing as %s</source>
        <translation>Firmando como %s</translation>
    </message>
    <message>
        <source>DEMO</source>
        <translation>DEMO</translation>
    </message>
    <message>
        <source>Demo practice, with invented clients</source>
        <translation>Consulta de demostración, con clientes inventados</translation>
    </message>
    <message>
        <source>Choose a case from the list.</source>
        <translation>Elija un caso de la lista.</translation>
    </message>
    <message>
        <source>Note not saved</source>
        <translation>Nota no guardada</translation>
    </message>
    <message>
        <source>The note you are leaving could not be saved, so it stays open. %s</source>
        <translation>La nota que deja no se pudo guardar, así que sigue abierta. %s</translation>
    </message>
    <message>
        <source>Case not opened</source>
        <translation>Caso no abierto</translation>
    </message>
    <message>
        <source>Your emergency access to %s has ended.</source>
        <translation>Su acceso de urgencia a %s ha terminado.</translation>
    </message>
    <message>
        <source>Note not opened</source>
        <translation>Nota no abierta</translation>
    </message>
    <message>
        <source>The open note could not be saved. Close anyway and lose the last changes?</source>
        <translation>No se pudo guardar la nota abierta. ¿Cerrar de todos modos y perder los últimos cambios?</translation>
    </message>
    <message>
        <source>&amp;Text size</source>
        <translation>&amp;Tamaño del texto</translation>
    </message>
    <message>
        <source>&amp;Larger</source>
        <translation>&amp;Más grande</translation>
    </message>
    <message>
        <source>&amp;Smaller</source>
        <translation>Más &amp;pequeño</translation>
    </message>
    <message>
        <source>&amp;Normal size</source>
        <translation>Tamaño &amp;normal</translation>
    </message>
    <message>
        <source>Lan&amp;guage</source>
        <translation>&amp;Idioma</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>Clarity will be in %s the next time it starts.</source>
        <translation>Clarity estará en %s la próxima vez que se inicie.</translation>
    </message>
    <message>
        <source>Anywhere</source>
        <translation>En cualquier lugar</translation>
    </message>
    <message>
        <source>Alt letters</source>
        <translation>Letras con Alt</translation>
    </message>
    <message>
        <source>%s menu</source>
        <translation>Menú %s</translation>
    </message>
</context>
<context>
    <name>MarkerKeys</name>
    <message>
        <source>Marking keys</source>
        <translation>Teclas de marcado</translation>
    </message>
    <message>
        <source>%s pursued · %s withdrew</source>
        <translation>%s buscó · %s se retiró</translation>
    </message>
    <message>
        <source>%s flooded</source>
        <translation>%s se desbordó</translation>
    </message>
    <message>
        <source>Co-regulation moment</source>
        <translation>Momento de corregulación</translation>
    </message>
    <message>
        <source>Repair attempt</source>
        <translation>Intento de reparación</translation>
    </message>
    <message>
        <source>…it landed / it did not land</source>
        <translation>…funcionó / no funcionó</translation>
    </message>
    <message>
        <source>A quote worth keeping</source>
        <translation>Una cita que vale la pena guardar</translation>
    </message>
    <message>
        <source>Undo the last tap</source>
        <translation>Deshacer la última pulsación</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Intro</translation>
    </message>
    <message>
        <source>Write in the pad</source>
        <translation>Escribir en el bloc</translation>
    </message>
</context>
<context>
    <name>MeasureChart</name>
    <message>
        <source>No answers recorded yet for %1.</source>
        <translation>Todavía no hay respuestas registradas para %1.</translation>
    </message>
    <message>
        <source>Gap between partners</source>
        <translation>Distancia entre la pareja</translation>
    </message>
    <message>
        <source>%1: within reliable change</source>
        <translation>%1: dentro del cambio fiable</translation>
    </message>
    <message>
        <source>Cut-off</source>
        <translation>Punto de corte</translation>
    </message>
</context>
<context>
    <name>MeasureDialogs</name>
    <message>
        <source> · private</source>
        <translation> · privada</translation>
    </message>
</context>
<context>
    <name>MeasuresPage</name>
    <message>
        <source>Check-in to use</source>
        <translation>Cuestionario que se usa</translation>
    </message>
    <message>
        <source>The questions a check-in or a paper form asks</source>
        <translation>Las preguntas del cuestionario en pantalla o del formulario en papel</translation>
    </message>
    <message>
        <source>Start check-in…</source>
        <translation>Empezar el cuestionario…</translation>
    </message>
    <message>
        <source>The chosen session&apos;s partners answer in turn</source>
        <translation>Las personas de la sesión elegida responden por turnos</translation>
    </message>
    <message>
        <source>Enter a paper form…</source>
        <translation>Anotar un formulario en papel…</translation>
    </message>
    <message>
        <source>Remove answers…</source>
        <translation>Quitar respuestas…</translation>
    </message>
    <message>
        <source>Remove the answers chosen in a table (Delete)</source>
        <translation>Quitar las respuestas elegidas en una tabla (Supr)</translation>
    </message>
    <message>
        <source>Measures of the case</source>
        <translation>Cuestionarios del caso</translation>
    </message>
    <message>
        <source>Remove the answers chosen in a table</source>
        <translation>Quitar las respuestas elegidas en una tabla</translation>
    </message>
    <message>
        <source>Open a case to see what its partners answered.</source>
        <translation>Abra un caso para ver lo que han respondido sus miembros.</translation>
    </message>
    <message>
        <source>Reading the answers…</source>
        <translation>Leyendo las respuestas…</translation>
    </message>
    <message>
        <source>Answer sets recorded for this case: %1</source>
        <translation>Respuestas guardadas en este caso: %1</translation>
    </message>
    <message>
        <source>Also answered: %1. The program has no definition for these now, so they are kept but not drawn; put the definition back in the practice&apos;s measures folder to see them.</source>
        <translation>También se respondió: %1. El programa ya no tiene la definición de estos cuestionarios, así que las respuestas se conservan pero no se dibujan; vuelva a poner la definición en la carpeta measures de la consulta para verlas.</translation>
    </message>
    <message>
        <source>No answers yet. Choose a session in the case and start a check-in (Ctrl+Shift+I), or enter a paper form the partners filled in.</source>
        <translation>Todavía no hay respuestas. Elija una sesión del caso y empiece el cuestionario (Ctrl+Shift+I), o anote un formulario en papel que hayan rellenado.</translation>
    </message>
    <message>
        <source>No measures</source>
        <translation>Sin cuestionarios</translation>
    </message>
    <message>
        <source>Choose a session</source>
        <translation>Elija una sesión</translation>
    </message>
    <message>
        <source>Choose the session in the case&apos;s list first: the answers are kept with it.</source>
        <translation>Elija antes la sesión en la lista del caso: las respuestas se guardan con ella.</translation>
    </message>
    <message>
        <source>No check-in</source>
        <translation>Sin cuestionario</translation>
    </message>
    <message>
        <source>Remove answers</source>
        <translation>Quitar respuestas</translation>
    </message>
    <message>
        <source>Choose the answers to remove in one of the tables first.</source>
        <translation>Elija antes en una de las tablas las respuestas que quiere quitar.</translation>
    </message>
    <message>
        <source>Not removed</source>
        <translation>No se han quitado</translation>
    </message>
    <message>
        <source>Remove these answers?</source>
        <translation>¿Quitar estas respuestas?</translation>
    </message>
    <message>
        <source>Remove %1&apos;s answers of %2? Use this for answers entered by mistake; the removal is written in the record&apos;s history.</source>
        <translation>¿Quitar las respuestas de %1 del %2? Úselo para respuestas anotadas por error; la eliminación queda apuntada en el historial del registro.</translation>
    </message>
</context>
<context>
    <name>Movement</name>
    <message>
        <source>easing</source>
        <translation>bajando</translation>
    </message>
    <message>
        <source>rising</source>
        <translation>subiendo</translation>
    </message>
    <message>
        <source>steady</source>
        <translation>estable</translation>
    </message>
    <message>
        <source>mixed</source>
        <translation>mixta</translation>
    </message>
    <message>
        <source>too few readings for a trend</source>
        <translation>muy pocas lecturas para una tendencia</translation>
    </message>
    <message>
        <source>drawing closer</source>
        <translation>acercándose</translation>
    </message>
    <message>
        <source>moving apart</source>
        <translation>alejándose</translation>
    </message>
    <message>
        <source>growing</source>
        <translation>creciendo</translation>
    </message>
    <message>
        <source>lessening</source>
        <translation>disminuyendo</translation>
    </message>
    <message>
        <source>1 point apart</source>
        <translation>a 1 punto</translation>
    </message>
    <message>
        <source>%1 points apart</source>
        <translation>a %1 puntos</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 de %2</translation>
    </message>
    <message>
        <source>not recorded yet</source>
        <translation>aún sin registrar</translation>
    </message>
    <message>
        <source>%1 (the first reading)</source>
        <translation>%1 (la primera lectura)</translation>
    </message>
    <message>
        <source>%1, the same as last time</source>
        <translation>%1, igual que la vez anterior</translation>
    </message>
    <message>
        <source>%1, up from %2 last time</source>
        <translation>%1, sube desde %2 la vez anterior</translation>
    </message>
    <message>
        <source>%1, down from %2 last time</source>
        <translation>%1, baja desde %2 la vez anterior</translation>
    </message>
</context>
<context>
    <name>NoteBanner</name>
    <message>
        <source>Why the note is paused</source>
        <translation>Por qué la nota está en pausa</translation>
    </message>
    <message>
        <source>Theirs and yours side by side, to choose</source>
        <translation>La otra versión y la suya, una al lado de la otra, para elegir</translation>
    </message>
    <message>
        <source>Close the note in their program and edit it here (audited)</source>
        <translation>Cerrar la nota en el programa de esa persona y editarla aquí (queda en la auditoría)</translation>
    </message>
    <message>
        <source>Comp&amp;are…</source>
        <translation>Comparar &amp;y elegir…</translation>
    </message>
    <message>
        <source>Take over editin&amp;g…</source>
        <translation>Pasar a editarla &amp;yo…</translation>
    </message>
    <message>
        <source>Chec&amp;k again</source>
        <translation>Volver a compro&amp;bar</translation>
    </message>
    <message>
        <source>Open the note for editing if it is free now</source>
        <translation>Abrir la nota para editarla si ya está libre</translation>
    </message>
    <message>
        <source>Not saved: this note changed elsewhere. Your text is kept here; compare the two versions to choose.</source>
        <translation>Sin guardar: esta nota cambió en otro lugar. Su texto se conserva aquí; compare las dos versiones para elegir.</translation>
    </message>
    <message>
        <source>Being edited by you in another window since %s.</source>
        <translation>La está editando usted en otra ventana desde las %s.</translation>
    </message>
    <message>
        <source>Being edited by %s since %s: they took it over. What you had written before was saved.</source>
        <translation>La está editando %s desde las %s: pasó a editarla. Lo que usted había escrito antes quedó guardado.</translation>
    </message>
    <message>
        <source>Being edited by %s since %s.</source>
        <translation>La está editando %s desde las %s.</translation>
    </message>
    <message>
        <source>You can read the note here; it opens for editing once it is free.</source>
        <translation>Puede leer la nota aquí; se abrirá para editarla en cuanto quede libre.</translation>
    </message>
</context>
<context>
    <name>NoteEditor</name>
    <message>
        <source>Worked on step %s</source>
        <translation>Trabajado el paso %s</translation>
    </message>
    <message>
        <source>Co-signed by %s on %s.</source>
        <translation>Cofirmada por %s el %s.</translation>
    </message>
    <message>
        <source>Where each partner stands</source>
        <translation>Dónde está cada miembro de la pareja</translation>
    </message>
    <message>
        <source>Sign and lock the note (asks first)</source>
        <translation>Firmar y bloquear la nota (pregunta antes)</translation>
    </message>
    <message>
        <source>Where %s stands</source>
        <translation>Dónde está %s</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>No registrado</translation>
    </message>
    <message>
        <source>Step for %s</source>
        <translation>Paso de %s</translation>
    </message>
    <message>
        <source>Signed electronically by %s on %s. This note is locked.</source>
        <translation>Firmada electrónicamente por %s el %s. Esta nota está bloqueada.</translation>
    </message>
    <message>
        <source>Not signed</source>
        <translation>No firmada</translation>
    </message>
    <message>
        <source>Sign this note?</source>
        <translation>¿Firmar esta nota?</translation>
    </message>
    <message>
        <source>Once signed, this note and its step tags are locked for good. Corrections can only be added as dated addenda.

Sign as %s?</source>
        <translation>Una vez firmada, esta nota y sus pasos quedan bloqueados para siempre. Las correcciones solo se pueden añadir como adendas fechadas.

¿Firmar como %s?</translation>
    </message>
    <message>
        <source>Sign note</source>
        <translation>Firmar la nota</translation>
    </message>
    <message>
        <source>Addendum not added</source>
        <translation>Adenda no añadida</translation>
    </message>
    <message>
        <source>Note not refreshed</source>
        <translation>Nota sin actualizar</translation>
    </message>
</context>
<context>
    <name>NoteGoalsPanel</name>
    <message>
        <source>Goals worked on</source>
        <translation>Objetivos trabajados</translation>
    </message>
    <message>
        <source>Couple</source>
        <translation>Pareja</translation>
    </message>
    <message>
        <source>Progress on %1</source>
        <translation>Avance en %1</translation>
    </message>
</context>
<context>
    <name>NotePage</name>
    <message>
        <source>Note template</source>
        <translation>Plantilla de nota</translation>
    </message>
    <message>
        <source>Te&amp;mplate</source>
        <translation>P&amp;lantilla</translation>
    </message>
    <message>
        <source>P&amp;rivate (individual content)</source>
        <translation>Privada (contenido in&amp;dividual)</translation>
    </message>
    <message>
        <source>Private notes never go into anything printed for clients unless you add them on purpose.</source>
        <translation>Las notas privadas nunca entran en nada impreso para los clientes, salvo que usted las añada a propósito.</translation>
    </message>
    <message>
        <source>&amp;Sign and lock…</source>
        <translation>&amp;Firmar y bloquear…</translation>
    </message>
    <message>
        <source>Sign and lock the note</source>
        <translation>Firmar y bloquear la nota</translation>
    </message>
    <message>
        <source>Sign the note (Ctrl+Shift+S)</source>
        <translation>Firmar la nota (Ctrl+Mayús+S)</translation>
    </message>
    <message>
        <source>Steps worked on</source>
        <translation>Pasos trabajados</translation>
    </message>
    <message>
        <source>Where each partner stands</source>
        <translation>Dónde está cada miembro de la pareja</translation>
    </message>
    <message>
        <source>Choose a session to read or write its note.</source>
        <translation>Elija una sesión para leer o escribir su nota.</translation>
    </message>
</context>
<context>
    <name>OverviewModel</name>
    <message>
        <source>Case</source>
        <translation>Caso</translation>
    </message>
    <message>
        <source>Partner steps</source>
        <translation>Pasos de cada miembro</translation>
    </message>
    <message>
        <source>Latest intensity</source>
        <translation>Última intensidad</translation>
    </message>
    <message>
        <source>Trend</source>
        <translation>Tendencia</translation>
    </message>
    <message>
        <source>Last session</source>
        <translation>Última sesión</translation>
    </message>
    <message>
        <source>Attention</source>
        <translation>Atención</translation>
    </message>
    <message>
        <source>The case; a couple or one person</source>
        <translation>El caso; una pareja o una persona</translation>
    </message>
    <message>
        <source>Where each partner stands in the five steps, from the newest note</source>
        <translation>Dónde está cada miembro de la pareja en los cinco pasos, según la nota más reciente</translation>
    </message>
    <message>
        <source>Loop intensity (0–10) at the latest joint session that recorded one</source>
        <translation>Intensidad del ciclo (0–10) en la última sesión conjunta que la registró</translation>
    </message>
    <message>
        <source>Direction of loop intensity over the last sessions that recorded one</source>
        <translation>Tendencia de la intensidad del ciclo en las últimas sesiones que la registraron</translation>
    </message>
    <message>
        <source>The newest session, a booked one included</source>
        <translation>La sesión más reciente, incluidas las reservadas</translation>
    </message>
    <message>
        <source>How many things are worth a look; a warning sign marks a safety flag</source>
        <translation>Cuántas cosas merecen atención; un signo de aviso marca una alerta de seguridad</translation>
    </message>
    <message>
        <source>Couple</source>
        <translation>Pareja</translation>
    </message>
    <message>
        <source>Individual</source>
        <translation>Individual</translation>
    </message>
    <message>
        <source>%s: %s</source>
        <translation>%s: %s</translation>
    </message>
    <message>
        <source>no step recorded yet</source>
        <translation>aún no hay paso registrado</translation>
    </message>
    <message>
        <source>No loop intensity recorded yet.</source>
        <translation>Aún no hay intensidad del ciclo registrada.</translation>
    </message>
    <message>
        <source>Loop intensity %d of 10 at the latest session that recorded it.</source>
        <translation>Intensidad del ciclo %d de 10 en la última sesión que la registró.</translation>
    </message>
    <message>
        <source>Loop intensity %s.</source>
        <translation>Intensidad del ciclo %s.</translation>
    </message>
    <message>
        <source>Not enough readings yet for a trend (three are needed).</source>
        <translation>Aún no hay lecturas suficientes para una tendencia (hacen falta tres).</translation>
    </message>
    <message>
        <source>Mixed: over the last sessions that recorded it, the readings do not agree on a direction.</source>
        <translation>Mixta: en las últimas sesiones que la registraron, las lecturas no coinciden en una dirección.</translation>
    </message>
    <message>
        <source>Over the last sessions that recorded it: %s.</source>
        <translation>En las últimas sesiones que la registraron: %s.</translation>
    </message>
    <message>
        <source>No session recorded yet.</source>
        <translation>Aún no hay sesiones registradas.</translation>
    </message>
    <message>
        <source>No session in the last 30 days.</source>
        <translation>Ninguna sesión en los últimos 30 días.</translation>
    </message>
    <message>
        <source>Nothing flagged.</source>
        <translation>Nada señalado.</translation>
    </message>
</context>
<context>
    <name>OverviewPanel</name>
    <message>
        <source>Filter by case or partner name</source>
        <translation>Filtrar por caso o nombre</translation>
    </message>
    <message>
        <source>Filter the overview</source>
        <translation>Filtrar el resumen</translation>
    </message>
    <message>
        <source>Partners at different steps</source>
        <translation>Pasos distintos en la pareja</translation>
    </message>
    <message>
        <source>Couples whose partners stand at different steps now</source>
        <translation>Parejas cuyos miembros están ahora en pasos distintos</translation>
    </message>
    <message>
        <source>Safety flag</source>
        <translation>Alerta de seguridad</translation>
    </message>
    <message>
        <source>Cases with the safety flag set</source>
        <translation>Casos con alerta de seguridad</translation>
    </message>
    <message>
        <source>No session in 30 days</source>
        <translation>Sin sesión en 30 días</translation>
    </message>
    <message>
        <source>Cases with no session in the last 30 days, or none yet</source>
        <translation>Casos sin sesión en los últimos 30 días, o aún sin ninguna</translation>
    </message>
    <message>
        <source>Cases shown</source>
        <translation>Casos mostrados</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualizar</translation>
    </message>
    <message>
        <source>Read the overview again (F5)</source>
        <translation>Volver a leer el resumen (F5)</translation>
    </message>
    <message>
        <source>Refresh the overview</source>
        <translation>Actualizar el resumen</translation>
    </message>
    <message>
        <source>Active cases</source>
        <translation>Casos activos</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Quitar filtros</translation>
    </message>
    <message>
        <source>The overview could not be read. %s</source>
        <translation>No se pudo leer el resumen. %s</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Cargando…</translation>
    </message>
    <message>
        <source>%d of %d cases</source>
        <translation>%d de %d casos</translation>
    </message>
    <message>
        <source>1 active case</source>
        <translation>1 caso activo</translation>
    </message>
    <message>
        <source>%d active cases</source>
        <translation>%d casos activos</translation>
    </message>
    <message>
        <source>Not refreshed</source>
        <translation>No actualizado</translation>
    </message>
    <message>
        <source>Loading the practice overview…</source>
        <translation>Cargando el resumen de la consulta…</translation>
    </message>
    <message>
        <source>No active cases.
Active cases appear here, with where each partner stands and anything worth a look.</source>
        <translation>No hay casos activos.
Los casos activos aparecen aquí, con dónde está cada miembro de la pareja y lo que merezca atención.</translation>
    </message>
    <message>
        <source>No case matches these filters.</source>
        <translation>Ningún caso coincide con estos filtros.</translation>
    </message>
</context>
<context>
    <name>OwnerSection</name>
    <message>
        <source>What they bring, one line each</source>
        <translation>Lo que trae, una línea por tema</translation>
    </message>
    <message>
        <source>What %1 brings</source>
        <translation>Lo que trae %1</translation>
    </message>
    <message>
        <source>Goal or objective</source>
        <translation>Objetivo u objetivo específico</translation>
    </message>
    <message>
        <source>Target date</source>
        <translation>Fecha prevista</translation>
    </message>
    <message>
        <source>Goals of %1</source>
        <translation>Objetivos de %1</translation>
    </message>
    <message>
        <source>Add goal</source>
        <translation>Añadir objetivo</translation>
    </message>
    <message>
        <source>Add objective</source>
        <translation>Añadir objetivo específico</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Brings</source>
        <translation>Trae</translation>
    </message>
    <message>
        <source>Goals</source>
        <translation>Objetivos</translation>
    </message>
</context>
<context>
    <name>PaperEntry</name>
    <message>
        <source>No session</source>
        <translation>Sin sesión</translation>
    </message>
    <message>
        <source>&amp;Partner:</source>
        <translation>&amp;Persona:</translation>
    </message>
    <message>
        <source>&amp;Session:</source>
        <translation>&amp;Sesión:</translation>
    </message>
    <message>
        <source>&amp;Date on the form:</source>
        <translation>&amp;Fecha del formulario:</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Sin responder</translation>
    </message>
    <message>
        <source>(choose)</source>
        <translation>(elige)</translation>
    </message>
    <message>
        <source>&amp;Record these answers</source>
        <translation>&amp;Registrar estas respuestas</translation>
    </message>
</context>
<context>
    <name>PaperEntryDialog</name>
    <message>
        <source>Enter a paper form: %1</source>
        <translation>Anotar un formulario en papel: %1</translation>
    </message>
    <message>
        <source>Answers not kept</source>
        <translation>Respuestas no guardadas</translation>
    </message>
</context>
<context>
    <name>PartnerFields</name>
    <message>
        <source>e.g. they/them</source>
        <translation>p. ej. elle</translation>
    </message>
    <message>
        <source>&amp;Date of birth</source>
        <translation>&amp;Fecha de nacimiento</translation>
    </message>
    <message>
        <source>Tick to record a date of birth</source>
        <translation>Márquelo para registrar una fecha de nacimiento</translation>
    </message>
    <message>
        <source>The language of the handouts printed for this person</source>
        <translation>El idioma de las hojas para llevar que se imprimen para esta persona</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Nombre</translation>
    </message>
    <message>
        <source>&amp;Pronouns</source>
        <translation>&amp;Pronombres</translation>
    </message>
    <message>
        <source>&amp;E-mail</source>
        <translation>&amp;Correo electrónico</translation>
    </message>
    <message>
        <source>P&amp;hone</source>
        <translation>Te&amp;léfono</translation>
    </message>
    <message>
        <source>Handout lan&amp;guage</source>
        <translation>Idioma de las &amp;hojas</translation>
    </message>
    <message>
        <source>name</source>
        <translation>nombre</translation>
    </message>
    <message>
        <source>pronouns</source>
        <translation>pronombres</translation>
    </message>
    <message>
        <source>date of birth known</source>
        <translation>fecha de nacimiento conocida</translation>
    </message>
    <message>
        <source>date of birth</source>
        <translation>fecha de nacimiento</translation>
    </message>
    <message>
        <source>e-mail</source>
        <translation>correo electrónico</translation>
    </message>
    <message>
        <source>phone</source>
        <translation>teléfono</translation>
    </message>
    <message>
        <source>handout language</source>
        <translation>idioma de las hojas</translation>
    </message>
</context>
<context>
    <name>PartnerReadingBox</name>
    <message>
        <source>Not observed</source>
        <translation>No observado</translation>
    </message>
    <message>
        <source>Not asked</source>
        <translation>No preguntado</translation>
    </message>
    <message>
        <source>0 leaning toward leaving … 10 leaning toward staying</source>
        <translation>0 más cerca de irse … 10 más cerca de quedarse</translation>
    </message>
    <message>
        <source>0 very unsure … 10 very clear</source>
        <translation>0 muy dudoso … 10 muy claro</translation>
    </message>
    <message>
        <source>Flooded</source>
        <translation>Desbordado</translation>
    </message>
    <message>
        <source>When, and what it looked like</source>
        <translation>Cuándo, y cómo se manifestó</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>The direction taking shape, from Find Your Direction on</source>
        <translation>El rumbo que va tomando forma, desde Encontrar tu rumbo</translation>
    </message>
    <message>
        <source>Pursue / withdraw</source>
        <translation>Buscar / retirarse</translation>
    </message>
    <message>
        <source>Stance (leave 0 – stay 10)</source>
        <translation>Postura (irse 0 – quedarse 10)</translation>
    </message>
    <message>
        <source>Clarity (0 – 10)</source>
        <translation>Claridad (0 – 10)</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Rumbo</translation>
    </message>
    <message>
        <source>Pursue or withdraw</source>
        <translation>Buscar o retirarse</translation>
    </message>
    <message>
        <source>Stance</source>
        <translation>Postura</translation>
    </message>
    <message>
        <source>Clarity</source>
        <translation>Claridad</translation>
    </message>
    <message>
        <source>Flooding note</source>
        <translation>Nota de desborde emocional</translation>
    </message>
    <message>
        <source>%s, %s</source>
        <translation>%s, %s</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <source>Choose a new passphrase</source>
        <translation>Elija una nueva frase de contraseña</translation>
    </message>
    <message>
        <source>Change passphrase</source>
        <translation>Cambiar la frase de contraseña</translation>
    </message>
    <message>
        <source>Current passphrase</source>
        <translation>Frase de contraseña actual</translation>
    </message>
    <message>
        <source>New passphrase</source>
        <translation>Nueva frase de contraseña</translation>
    </message>
    <message>
        <source>Repeat new passphrase</source>
        <translation>Repetir la nueva frase de contraseña</translation>
    </message>
    <message>
        <source>Passphrase strength</source>
        <translation>Solidez de la frase de contraseña</translation>
    </message>
    <message>
        <source>At least %d characters; a few unrelated words work well.</source>
        <translation>Al menos %d caracteres; unas cuantas palabras sin relación entre sí funcionan bien.</translation>
    </message>
    <message>
        <source>&amp;Current passphrase</source>
        <translation>Frase de contraseña &amp;actual</translation>
    </message>
    <message>
        <source>Change password</source>
        <translation>Cambiar la contraseña</translation>
    </message>
    <message>
        <source>Choose your own password</source>
        <translation>Elija su propia contraseña</translation>
    </message>
    <message>
        <source>Current password</source>
        <translation>Contraseña actual</translation>
    </message>
    <message>
        <source>Password you were given</source>
        <translation>Contraseña que le dieron</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>Nueva contraseña</translation>
    </message>
    <message>
        <source>Repeat new password</source>
        <translation>Repetir la nueva contraseña</translation>
    </message>
    <message>
        <source>&amp;Current password</source>
        <translation>Contraseña &amp;actual</translation>
    </message>
    <message>
        <source>&amp;Password you were given</source>
        <translation>&amp;Contraseña que le dieron</translation>
    </message>
    <message>
        <source>&amp;New password</source>
        <translation>&amp;Nueva contraseña</translation>
    </message>
    <message>
        <source>&amp;Repeat new password</source>
        <translation>&amp;Repetir la nueva contraseña</translation>
    </message>
    <message>
        <source>&amp;New passphrase</source>
        <translation>&amp;Nueva frase de contraseña</translation>
    </message>
    <message>
        <source>&amp;Repeat new passphrase</source>
        <translation>&amp;Repetir la nueva frase de contraseña</translation>
    </message>
    <message>
        <source>Password strength</source>
        <translation>Solidez de la contraseña</translation>
    </message>
    <message>
        <source>You opened the practice with the recovery key. Choose a new passphrase for every day; the recovery key keeps working as before.</source>
        <translation>Ha abierto la consulta con la clave de recuperación. Elija una nueva frase de contraseña para el día a día; la clave de recuperación sigue funcionando como antes.</translation>
    </message>
    <message>
        <source>Welcome. Please choose your own password now: Clarity makes your key for clients&apos; records with it, so that only you can open them. Until then you can look around but not write clinical notes.</source>
        <translation>Le damos la bienvenida. Elija ahora su propia contraseña: con ella Clarity crea su clave para los expedientes de los clientes, de modo que solo usted pueda abrirlos. Hasta entonces puede mirar, pero no escribir notas clínicas.</translation>
    </message>
</context>
<context>
    <name>Phrases</name>
    <message>
        <source>partner 1&apos;s name</source>
        <translation>el nombre de la persona 1</translation>
    </message>
    <message>
        <source>partner 2&apos;s name</source>
        <translation>el nombre de la persona 2</translation>
    </message>
    <message>
        <source>the client&apos;s name</source>
        <translation>el nombre del cliente</translation>
    </message>
    <message>
        <source>a name for the case</source>
        <translation>un nombre para el caso</translation>
    </message>
    <message>
        <source>pronouns</source>
        <translation>pronombres</translation>
    </message>
    <message>
        <source>phone</source>
        <translation>teléfono</translation>
    </message>
    <message>
        <source>relationship structure</source>
        <translation>tipo de relación</translation>
    </message>
    <message>
        <source>pursue/withdraw position</source>
        <translation>posición de buscar/retirarse</translation>
    </message>
    <message>
        <source>stance</source>
        <translation>postura</translation>
    </message>
    <message>
        <source>clarity</source>
        <translation>claridad</translation>
    </message>
    <message>
        <source>the flooding note</source>
        <translation>la nota de desborde emocional</translation>
    </message>
    <message>
        <source>loop intensity</source>
        <translation>intensidad del ciclo</translation>
    </message>
    <message>
        <source>repair attempts</source>
        <translation>intentos de reparación</translation>
    </message>
    <message>
        <source>repairs that landed</source>
        <translation>reparaciones que funcionaron</translation>
    </message>
    <message>
        <source>the loop description</source>
        <translation>la descripción del ciclo</translation>
    </message>
    <message>
        <source>what set it off</source>
        <translation>qué lo desencadenó</translation>
    </message>
    <message>
        <source>what helped</source>
        <translation>qué ayudó</translation>
    </message>
    <message>
        <source>the session note</source>
        <translation>la nota de sesión</translation>
    </message>
    <message>
        <source>the case</source>
        <translation>el caso</translation>
    </message>
    <message>
        <source>the first day of the period</source>
        <translation>el primer día del periodo</translation>
    </message>
    <message>
        <source>the partner</source>
        <translation>el miembro de la pareja</translation>
    </message>
    <message>
        <source>the last day of the period</source>
        <translation>el último día del periodo</translation>
    </message>
    <message>
        <source>the step</source>
        <translation>el paso</translation>
    </message>
    <message>
        <source>record a session</source>
        <translation>registrar una sesión</translation>
    </message>
    <message>
        <source>start a session</source>
        <translation>empezar una sesión</translation>
    </message>
    <message>
        <source>schedule a session</source>
        <translation>programar una sesión</translation>
    </message>
    <message>
        <source>reschedule a session</source>
        <translation>reprogramar una sesión</translation>
    </message>
    <message>
        <source>corrected</source>
        <translation>corregir</translation>
    </message>
    <message>
        <source>read clinical records</source>
        <translation>leer expedientes clínicos</translation>
    </message>
    <message>
        <source>change clinical records</source>
        <translation>modificar expedientes clínicos</translation>
    </message>
    <message>
        <source>sign notes or add addenda</source>
        <translation>firmar notas o añadir adendas</translation>
    </message>
    <message>
        <source>print or export records</source>
        <translation>imprimir o exportar expedientes</translation>
    </message>
    <message>
        <source>read the audit log</source>
        <translation>leer el registro de auditoría</translation>
    </message>
    <message>
        <source>run backups or imports</source>
        <translation>hacer copias de seguridad o importaciones</translation>
    </message>
    <message>
        <source>manage staff logins and case assignments</source>
        <translation>gestionar los usuarios del personal y la asignación de casos</translation>
    </message>
    <message>
        <source>check the whole practice server</source>
        <translation>comprobar todo el servidor de la consulta</translation>
    </message>
    <message>
        <source>see who opened a case in an emergency</source>
        <translation>ver quién abrió un caso en una emergencia</translation>
    </message>
    <message>
        <source>see the practice&apos;s schedule and contact details</source>
        <translation>ver la agenda de la consulta y los datos de contacto</translation>
    </message>
    <message>
        <source>take over editing a note someone else has open</source>
        <translation>pasar a editar una nota que otra persona tiene abierta</translation>
    </message>
    <message>
        <source>discarded</source>
        <translation>descartar</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>cancelar</translation>
    </message>
    <message>
        <source>session date</source>
        <translation>fecha de la sesión</translation>
    </message>
    <message>
        <source>opening date</source>
        <translation>fecha de apertura</translation>
    </message>
    <message>
        <source>a concern</source>
        <translation>un motivo de consulta</translation>
    </message>
    <message>
        <source>a goal</source>
        <translation>un objetivo</translation>
    </message>
    <message>
        <source>an objective</source>
        <translation>un objetivo específico</translation>
    </message>
    <message>
        <source>an intervention</source>
        <translation>una intervención</translation>
    </message>
    <message>
        <source>the agreement</source>
        <translation>el acuerdo</translation>
    </message>
    <message>
        <source>the comment on a goal</source>
        <translation>el comentario sobre un objetivo</translation>
    </message>
    <message>
        <source>revise the treatment plan</source>
        <translation>revisar el plan de tratamiento</translation>
    </message>
    <message>
        <source>text</source>
        <translation>texto</translation>
    </message>
    <message>
        <source>a whole number</source>
        <translation>un número entero</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>un número</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>true o false</translation>
    </message>
    <message>
        <source>a list</source>
        <translation>una lista</translation>
    </message>
    <message>
        <source>a table</source>
        <translation>una tabla</translation>
    </message>
</context>
<context>
    <name>PlanForm</name>
    <message>
        <source>One intervention a line</source>
        <translation>Una intervención por línea</translation>
    </message>
    <message>
        <source>What the partners agreed to do while one or both are unsure, for example: explore both directions for six sessions; no big practical steps before the review.</source>
        <translation>Lo que la pareja acordó hacer mientras uno o ambos no lo tienen claro, por ejemplo: explorar las dos direcciones durante seis sesiones; ningún paso práctico importante antes de la revisión.</translation>
    </message>
    <message>
        <source>Interventions</source>
        <translation>Intervenciones</translation>
    </message>
    <message>
        <source>Review on</source>
        <translation>Revisión el</translation>
    </message>
    <message>
        <source>While we are unsure</source>
        <translation>Mientras no lo tengamos claro</translation>
    </message>
    <message>
        <source>Agreement review on</source>
        <translation>Revisión del acuerdo el</translation>
    </message>
    <message>
        <source>Ctrl+Shift+Z</source>
        <translation>Ctrl+Shift+Z</translation>
    </message>
</context>
<context>
    <name>PlanPage</name>
    <message>
        <source>New version</source>
        <translation>Nueva versión</translation>
    </message>
    <message>
        <source>Save draft</source>
        <translation>Guardar borrador</translation>
    </message>
    <message>
        <source>Sign…</source>
        <translation>Firmar…</translation>
    </message>
    <message>
        <source>Revise the plan: a draft copied from the signed one</source>
        <translation>Revisar el plan: un borrador copiado del firmado</translation>
    </message>
    <message>
        <source>The plan</source>
        <translation>El plan</translation>
    </message>
    <message>
        <source>Versions of the plan</source>
        <translation>Versiones del plan</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>Versiones</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Revisión</translation>
    </message>
    <message>
        <source>Plan or review</source>
        <translation>Plan o revisión</translation>
    </message>
    <message>
        <source>Ctrl+Shift+N</source>
        <translation>Ctrl+Shift+N</translation>
    </message>
    <message>
        <source>The couple</source>
        <translation>La pareja</translation>
    </message>
    <message>
        <source>Plan not shown</source>
        <translation>No se pudo mostrar el plan</translation>
    </message>
    <message>
        <source>Review not shown</source>
        <translation>No se pudo mostrar la revisión</translation>
    </message>
    <message>
        <source>signed %1</source>
        <translation>firmada el %1</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>borrador</translation>
    </message>
    <message>
        <source>first version</source>
        <translation>primera versión</translation>
    </message>
    <message>
        <source>no changes</source>
        <translation>sin cambios</translation>
    </message>
    <message>
        <source>Version %1 · %2</source>
        <translation>Versión %1 · %2</translation>
    </message>
    <message>
        <source>Open a case to see its treatment plan.</source>
        <translation>Abre un caso para ver su plan de tratamiento.</translation>
    </message>
    <message>
        <source>No treatment plan yet. Start one with New version (Ctrl+Shift+N).</source>
        <translation>Todavía no hay plan de tratamiento. Empieza uno con Nueva versión (Ctrl+Shift+N).</translation>
    </message>
    <message>
        <source>Version %1 · draft, not signed yet</source>
        <translation>Versión %1 · borrador, todavía sin firmar</translation>
    </message>
    <message>
        <source>Version %1 · signed %2 by %3</source>
        <translation>Versión %1 · firmada el %2 por %3</translation>
    </message>
    <message>
        <source>an earlier version, kept as it was signed</source>
        <translation>una versión anterior, guardada tal como se firmó</translation>
    </message>
    <message>
        <source>No new version</source>
        <translation>No se creó una versión nueva</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>No se guardó</translation>
    </message>
    <message>
        <source>A target date could not be read; write it like %1.</source>
        <translation>No se pudo leer una fecha prevista; escríbela así: %1.</translation>
    </message>
    <message>
        <source>Not signed</source>
        <translation>No se firmó</translation>
    </message>
    <message>
        <source>Sign the plan?</source>
        <translation>¿Firmar el plan?</translation>
    </message>
    <message>
        <source>Once signed, version %1 of the plan is locked: to change it later, start a new version. Sign now?</source>
        <translation>Una vez firmada, la versión %1 del plan queda bloqueada: para cambiarla más adelante, empieza una versión nueva. ¿Firmar ahora?</translation>
    </message>
</context>
<context>
    <name>PlanWords</name>
    <message>
        <source>What %1 brings changed</source>
        <translation>Cambió lo que trae %1</translation>
    </message>
    <message>
        <source>Goal added for %1: %2</source>
        <translation>Objetivo añadido para %1: %2</translation>
    </message>
    <message>
        <source>Goal of %1 removed: %2</source>
        <translation>Objetivo de %1 quitado: %2</translation>
    </message>
    <message>
        <source>Goal of %1 reworded: %2</source>
        <translation>Objetivo de %1 reformulado: %2</translation>
    </message>
    <message>
        <source>Goal now belongs to %1: %2</source>
        <translation>El objetivo ahora es de %1: %2</translation>
    </message>
    <message>
        <source>Objectives changed for the goal: %2</source>
        <translation>Cambiaron los objetivos específicos del objetivo: %2</translation>
    </message>
    <message>
        <source>Interventions changed</source>
        <translation>Cambiaron las intervenciones</translation>
    </message>
    <message>
        <source>Review date changed</source>
        <translation>Cambió la fecha de revisión</translation>
    </message>
    <message>
        <source>The agreement while unsure changed</source>
        <translation>Cambió el acuerdo para mientras no esté claro</translation>
    </message>
    <message>
        <source>The agreement&apos;s review date changed</source>
        <translation>Cambió la fecha de revisión del acuerdo</translation>
    </message>
    <message>
        <source>the couple</source>
        <translation>la pareja</translation>
    </message>
</context>
<context>
    <name>PreviewPane</name>
    <message>
        <source>Preview</source>
        <translation>Vista previa</translation>
    </message>
    <message>
        <source>Preview progress</source>
        <translation>Progreso de la vista previa</translation>
    </message>
    <message>
        <source>Page count</source>
        <translation>Número de páginas</translation>
    </message>
    <message>
        <source>Building the preview…</source>
        <translation>Preparando la vista previa…</translation>
    </message>
    <message>
        <source>The preview could not be shown.</source>
        <translation>No se pudo mostrar la vista previa.</translation>
    </message>
    <message>
        <source>1 page</source>
        <translation>1 página</translation>
    </message>
    <message>
        <source>%d pages</source>
        <translation>%d páginas</translation>
    </message>
</context>
<context>
    <name>QuietModel</name>
    <message>
        <source>Case</source>
        <translation>Caso</translation>
    </message>
    <message>
        <source>Last session</source>
        <translation>Última sesión</translation>
    </message>
    <message>
        <source>Next booked</source>
        <translation>Próxima reserva</translation>
    </message>
    <message>
        <source>None yet (opened %d days ago)</source>
        <translation>Ninguna aún (abierto hace %d días)</translation>
    </message>
    <message>
        <source>%s (%d days ago)</source>
        <translation>%s (hace %d días)</translation>
    </message>
    <message>
        <source>Nothing booked</source>
        <translation>Nada reservado</translation>
    </message>
</context>
<context>
    <name>RecoveryKeyDialog</name>
    <message>
        <source>Your recovery key</source>
        <translation>Su clave de recuperación</translation>
    </message>
    <message>
        <source>If the passphrase is ever forgotten, this recovery key is the only other way into the practice. It is shown now and never again. Write it down, print it or save it, and keep it somewhere safe, away from this computer.</source>
        <translation>Si alguna vez olvida la frase de contraseña, esta clave de recuperación es la única otra forma de entrar en la consulta. Se muestra ahora y nunca más. Anótela, imprímala o guárdela, y consérvela en un lugar seguro, lejos de este equipo.</translation>
    </message>
    <message>
        <source>Recovery key</source>
        <translation>Clave de recuperación</translation>
    </message>
    <message>
        <source>&amp;Copy to clipboard</source>
        <translation>&amp;Copiar al portapapeles</translation>
    </message>
    <message>
        <source>Copy the recovery key to the clipboard</source>
        <translation>Copiar la clave de recuperación al portapapeles</translation>
    </message>
    <message>
        <source>It is cleared from the clipboard after 30 seconds.</source>
        <translation>Se borra del portapapeles a los 30 segundos.</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>Im&amp;primir…</translation>
    </message>
    <message>
        <source>Print the recovery key</source>
        <translation>Imprimir la clave de recuperación</translation>
    </message>
    <message>
        <source>&amp;Save to a file…</source>
        <translation>&amp;Guardar en un archivo…</translation>
    </message>
    <message>
        <source>Save the recovery key to a file</source>
        <translation>Guardar la clave de recuperación en un archivo</translation>
    </message>
    <message>
        <source>What happened to the key</source>
        <translation>Qué se hizo con la clave</translation>
    </message>
    <message>
        <source>I have stored the recovery key somewhere safe</source>
        <translation>He guardado la clave de recuperación en un lugar seguro</translation>
    </message>
    <message>
        <source>C&amp;ontinue</source>
        <translation>C&amp;ontinuar</translation>
    </message>
    <message>
        <source>The printer could not be used; nothing was printed.</source>
        <translation>No se pudo usar la impresora; no se imprimió nada.</translation>
    </message>
    <message>
        <source>Sent to the printer. Keep the page somewhere safe, apart from this computer.</source>
        <translation>Enviada a la impresora. Guarde la página en un lugar seguro, lejos de este equipo.</translation>
    </message>
    <message>
        <source>Save the recovery key</source>
        <translation>Guardar la clave de recuperación</translation>
    </message>
    <message>
        <source>Text (*.txt)</source>
        <translation>Texto (*.txt)</translation>
    </message>
    <message>
        <source>Not saved: a key kept in the practice folder would open it for anyone who copies the folder, so please choose another place.</source>
        <translation>No guardada: una clave guardada en la carpeta de la consulta la abriría a cualquiera que copie la carpeta; elija otro lugar.</translation>
    </message>
    <message>
        <source>Not saved: %s.</source>
        <translation>No guardada: %s.</translation>
    </message>
    <message>
        <source>Saved in %s; keep the file somewhere safe, apart from this computer.</source>
        <translation>Guardada en %s; conserve el archivo en un lugar seguro, lejos de este equipo.</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>automatic</source>
        <translation>automática</translation>
    </message>
    <message>
        <source>made with Back up now</source>
        <translation>hecha con Hacer copia de seguridad ahora</translation>
    </message>
    <message>
        <source>kept before an upgrade</source>
        <translation>guardada antes de una actualización</translation>
    </message>
    <message>
        <source>kept before a restore</source>
        <translation>guardada antes de una restauración</translation>
    </message>
    <message>
        <source>%s · %s · %d cases, %d notes</source>
        <translation>%s · %s · %d casos, %d notas</translation>
    </message>
    <message>
        <source>Restore from a backup</source>
        <translation>Restaurar desde una copia de seguridad</translation>
    </message>
    <message>
        <source>Choose the backup to bring back. Times are this computer&apos;s.</source>
        <translation>Elija la copia de seguridad que quiere recuperar. Las horas son las de este equipo.</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Copias de seguridad</translation>
    </message>
    <message>
        <source>&amp;Another folder…</source>
        <translation>&amp;Otra carpeta…</translation>
    </message>
    <message>
        <source>A backup kept elsewhere, such as on a USB stick</source>
        <translation>Una copia de seguridad guardada en otro sitio, como una memoria USB</translation>
    </message>
    <message>
        <source>&amp;Restore…</source>
        <translation>&amp;Restaurar…</translation>
    </message>
    <message>
        <source>There is no backup in the practice&apos;s backups folder yet.</source>
        <translation>Aún no hay ninguna copia de seguridad en la carpeta de copias de la consulta.</translation>
    </message>
    <message>
        <source>Choose a backup folder</source>
        <translation>Elija una carpeta de copias de seguridad</translation>
    </message>
</context>
<context>
    <name>ReviewBar</name>
    <message>
        <source>Supervision</source>
        <translation>Supervisión</translation>
    </message>
    <message>
        <source>Comments for the clinician (needed to return the note)</source>
        <translation>Comentarios para el profesional (necesarios para devolver la nota)</translation>
    </message>
    <message>
        <source>Comments for the clinician</source>
        <translation>Comentarios para el profesional</translation>
    </message>
    <message>
        <source>Submit for review</source>
        <translation>Enviar a revisión</translation>
    </message>
    <message>
        <source>Return with comments</source>
        <translation>Devolver con comentarios</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Aprobar</translation>
    </message>
    <message>
        <source>Co-sign…</source>
        <translation>Cofirmar…</translation>
    </message>
    <message>
        <source>Submit the note to your supervisor</source>
        <translation>Enviar la nota a su supervisor</translation>
    </message>
    <message>
        <source>Co-sign the note</source>
        <translation>Cofirmar la nota</translation>
    </message>
    <message>
        <source>Signed by %s; waiting for your co-signature.</source>
        <translation>Firmada por %s; pendiente de su cofirma.</translation>
    </message>
    <message>
        <source>Waiting for the co-signature of %s.</source>
        <translation>Pendiente de la cofirma de %s.</translation>
    </message>
    <message>
        <source>%s approves your notes before you sign them.</source>
        <translation>%s aprueba sus notas antes de que las firme.</translation>
    </message>
    <message>
        <source>%s reviews and co-signs your notes.</source>
        <translation>%s revisa y cofirma sus notas.</translation>
    </message>
    <message>
        <source>%s submitted this note for your review on %s.</source>
        <translation>%s le envió esta nota para revisar el %s.</translation>
    </message>
    <message>
        <source>Submitted to %s for review on %s. The note is read-only until it is returned.</source>
        <translation>Enviada a %s para revisión el %s. La nota queda solo de lectura hasta que se la devuelvan.</translation>
    </message>
    <message>
        <source>Returned by %s on %s with comments:
%s</source>
        <translation>Devuelta por %s el %s con estos comentarios:
%s</translation>
    </message>
    <message>
        <source>Approved by %s on %s. You can sign it now.</source>
        <translation>Aprobada por %s el %s. Ya puede firmarla.</translation>
    </message>
    <message>
        <source>Approved by %s on %s.</source>
        <translation>Aprobada por %s el %s.</translation>
    </message>
    <message>
        <source>Co-sign this note?</source>
        <translation>¿Cofirmar esta nota?</translation>
    </message>
    <message>
        <source>Your co-signature is sealed with your own key and cannot be taken back.

Co-sign as %s?</source>
        <translation>Su cofirma se sella con su propia clave y no se puede retirar.

¿Cofirmar como %s?</translation>
    </message>
    <message>
        <source>Co-sign note</source>
        <translation>Cofirmar nota</translation>
    </message>
</context>
<context>
    <name>ReviewDialog</name>
    <message>
        <source>End of session: review</source>
        <translation>Fin de la sesión: revisión</translation>
    </message>
    <message>
        <source>The moments you marked suggest these readings. Check or change each one; nothing goes into the note until you save.</source>
        <translation>Los momentos que marcó sugieren estas lecturas. Compruebe o cambie cada una; nada entra en la nota hasta que guarde.</translation>
    </message>
    <message>
        <source>No marker speaks to the readings; they are as the note has them.</source>
        <translation>Ningún marcador afecta a las lecturas; quedan como están en la nota.</translation>
    </message>
    <message>
        <source>Moments, for the note</source>
        <translation>Momentos, para la nota</translation>
    </message>
    <message>
        <source>No moments were marked.</source>
        <translation>No se marcó ningún momento.</translation>
    </message>
    <message>
        <source>&amp;Moments, added to the note</source>
        <translation>&amp;Momentos, añadidos a la nota</translation>
    </message>
    <message>
        <source>&amp;Save to the note</source>
        <translation>&amp;Guardar en la nota</translation>
    </message>
    <message>
        <source>&amp;Back to the session</source>
        <translation>&amp;Volver a la sesión</translation>
    </message>
    <message>
        <source>&amp;Leave the note as it is</source>
        <translation>&amp;Dejar la nota como está</translation>
    </message>
    <message>
        <source>Close session mode; the markers stay in the record.</source>
        <translation>Cerrar el modo sesión; los marcadores se quedan en el registro.</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>No guardado</translation>
    </message>
</context>
<context>
    <name>ReviewPanel</name>
    <message>
        <source>From another day:</source>
        <translation>Desde otro día:</translation>
    </message>
    <message>
        <source>Review from a day of your choosing instead of the signing of the plan</source>
        <translation>Revisar desde el día que elijas en lugar de desde la firma del plan</translation>
    </message>
    <message>
        <source>Review from this day</source>
        <translation>Revisar desde este día</translation>
    </message>
    <message>
        <source>Plan review</source>
        <translation>Revisión del plan</translation>
    </message>
    <message>
        <source>1 goal mark from an earlier session is not in this review.</source>
        <translation>1 marca de objetivo de una sesión anterior no entra en esta revisión.</translation>
    </message>
    <message>
        <source>%1 goal marks from earlier sessions are not in this review.</source>
        <translation>%1 marcas de objetivos de sesiones anteriores no entran en esta revisión.</translation>
    </message>
    <message>
        <source>Review from %1</source>
        <translation>Revisar desde el %1</translation>
    </message>
    <message>
        <source>No signed plan yet: once a version is signed, its goals show here.</source>
        <translation>Todavía no hay un plan firmado: en cuanto firme una versión, sus objetivos aparecerán aquí.</translation>
    </message>
    <message>
        <source>No note has been linked to a goal since the review. In a session note, tick the goals it worked on under “Goals worked on”.</source>
        <translation>Desde la revisión, ninguna nota se ha vinculado a un objetivo. En la nota de una sesión, marca los objetivos que se trabajaron en «Objetivos trabajados».</translation>
    </message>
    <message>
        <source>Measures over the same time</source>
        <translation>Medidas en el mismo periodo</translation>
    </message>
    <message>
        <source>No measure has been answered in this case yet.</source>
        <translation>En este caso todavía nadie ha respondido ninguna medida.</translation>
    </message>
    <message>
        <source>Open a case to review its plan.</source>
        <translation>Abre un caso para revisar su plan.</translation>
    </message>
    <message>
        <source>Review over the whole case</source>
        <translation>Revisión de todo el caso</translation>
    </message>
    <message>
        <source>Review since version %1 was signed, %2</source>
        <translation>Revisión desde que se firmó la versión %1, el %2</translation>
    </message>
    <message>
        <source>Review since %1</source>
        <translation>Revisión desde el %1</translation>
    </message>
    <message>
        <source>The couple</source>
        <translation>La pareja</translation>
    </message>
    <message>
        <source>No note linked yet.</source>
        <translation>Todavía no hay notas vinculadas.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>private</source>
        <translation>privada</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>borrador</translation>
    </message>
    <message>
        <source>%1: %2 on %3, one answer so far</source>
        <translation>%1: %2, el %3; una sola respuesta por ahora</translation>
    </message>
    <message>
        <source>%1: %2 on %3, no answer since the review</source>
        <translation>%1: %2, el %3; sin respuestas desde la revisión</translation>
    </message>
    <message>
        <source>%1: %2 → %3</source>
        <translation>%1: %2 → %3</translation>
    </message>
    <message>
        <source>a reliable rise</source>
        <translation>una subida fiable</translation>
    </message>
    <message>
        <source>a reliable fall</source>
        <translation>una bajada fiable</translation>
    </message>
    <message>
        <source>within the usual wobble</source>
        <translation>dentro del vaivén habitual</translation>
    </message>
    <message>
        <source>now at or above the cut-off</source>
        <translation>ahora en el punto de corte o por encima</translation>
    </message>
    <message>
        <source>now below the cut-off</source>
        <translation>ahora por debajo del punto de corte</translation>
    </message>
    <message>
        <source>Gap between them: %1</source>
        <translation>Distancia entre ambos: %1</translation>
    </message>
    <message>
        <source>Gap between them: %1 → %2</source>
        <translation>Distancia entre ambos: %1 → %2</translation>
    </message>
</context>
<context>
    <name>ReviewQueueModel</name>
    <message>
        <source>Waiting since</source>
        <translation>Pendiente desde</translation>
    </message>
    <message>
        <source>Clinician</source>
        <translation>Profesional</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Caso</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Sesión</translation>
    </message>
    <message>
        <source>Waiting for</source>
        <translation>Pendiente de</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Acciones</translation>
    </message>
    <message>
        <source>Your co-signature</source>
        <translation>Su cofirma</translation>
    </message>
    <message>
        <source>Your review</source>
        <translation>Su revisión</translation>
    </message>
</context>
<context>
    <name>ReviewQueuePanel</name>
    <message>
        <source>Notes waiting for you as supervisor</source>
        <translation>Notas que esperan su supervisión</translation>
    </message>
    <message>
        <source>Nothing is waiting for your review or co-signature.</source>
        <translation>No hay nada pendiente de su revisión ni de su cofirma.</translation>
    </message>
    <message>
        <source>The review queue could not be read: %s</source>
        <translation>No se pudo leer la lista de revisión: %s</translation>
    </message>
    <message>
        <source>Open note</source>
        <translation>Abrir nota</translation>
    </message>
    <message>
        <source>Open this note to review it</source>
        <translation>Abrir esta nota para revisarla</translation>
    </message>
</context>
<context>
    <name>SaveState</name>
    <message>
        <source>Save state</source>
        <translation>Estado del guardado</translation>
    </message>
    <message>
        <source>Saved %s</source>
        <translation>Guardado %s</translation>
    </message>
    <message>
        <source>Editing…</source>
        <translation>Editando…</translation>
    </message>
    <message>
        <source>Waiting to save…</source>
        <translation>Esperando para guardar…</translation>
    </message>
    <message>
        <source>Another task is writing to the practice just now (an import, a backup or another Clarity program). Your note is kept here and is saved as soon as the practice is free.</source>
        <translation>Otra tarea está escribiendo en la consulta en este momento (una importación, una copia de seguridad u otro programa de Clarity). Su nota se conserva aquí y se guarda en cuanto la consulta quede libre.</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Sin guardar</translation>
    </message>
    <message>
        <source>Not saved: %s Retrying…</source>
        <translation>No guardado: %s Reintentando…</translation>
    </message>
</context>
<context>
    <name>SchedulePanel</name>
    <message>
        <source>Day</source>
        <translation>Día</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>Semana</translation>
    </message>
    <message>
        <source>Show a day or a week</source>
        <translation>Mostrar un día o una semana</translation>
    </message>
    <message>
        <source>◀ &amp;Previous</source>
        <translation>◀ &amp;Anterior</translation>
    </message>
    <message>
        <source>&amp;Today</source>
        <translation>&amp;Hoy</translation>
    </message>
    <message>
        <source>&amp;Next ▶</source>
        <translation>&amp;Siguiente ▶</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Sesiones</translation>
    </message>
    <message>
        <source>The schedule could not be read: %s</source>
        <translation>No se pudo leer la agenda: %s</translation>
    </message>
    <message>
        <source>%s to %s</source>
        <translation>Del %s al %s</translation>
    </message>
    <message>
        <source>1 session</source>
        <translation>1 sesión</translation>
    </message>
    <message>
        <source>%d sessions</source>
        <translation>%d sesiones</translation>
    </message>
    <message>
        <source>Nothing booked this week.</source>
        <translation>No hay citas esta semana.</translation>
    </message>
    <message>
        <source>Nothing booked on this day.</source>
        <translation>No hay citas este día.</translation>
    </message>
</context>
<context>
    <name>SearchDialog</name>
    <message>
        <source>Search notes</source>
        <translation>Buscar en las notas</translation>
    </message>
    <message>
        <source>Words to find in notes and addenda</source>
        <translation>Palabras que buscar en notas y adendas</translation>
    </message>
    <message>
        <source>Search words</source>
        <translation>Palabras de búsqueda</translation>
    </message>
    <message>
        <source>Type a word or two; every word must appear.</source>
        <translation>Escriba una o dos palabras; deben aparecer todas.</translation>
    </message>
    <message>
        <source>Search only the open case</source>
        <translation>Buscar solo en el caso abierto</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Resultados de la búsqueda</translation>
    </message>
    <message>
        <source>&amp;Only in %s</source>
        <translation>&amp;Solo en %s</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Buscando…</translation>
    </message>
    <message>
        <source>No note contains all of these words.</source>
        <translation>Ninguna nota contiene todas estas palabras.</translation>
    </message>
    <message>
        <source>%d found. Press Enter or double-click to open.</source>
        <translation>%d encontradas. Pulse Intro o haga doble clic para abrir.</translation>
    </message>
</context>
<context>
    <name>SearchResultsModel</name>
    <message>
        <source> · addendum</source>
        <translation> · adenda</translation>
    </message>
    <message>
        <source> · private</source>
        <translation> · privada</translation>
    </message>
</context>
<context>
    <name>ServerConnectDialog</name>
    <message>
        <source>Connect to a practice server</source>
        <translation>Conectarse a un servidor de la consulta</translation>
    </message>
    <message>
        <source>Your practice&apos;s administrator gives you the server&apos;s address, your user name and a certificate file that proves the server is the practice&apos;s own. The password is asked for each time and never kept on this computer.</source>
        <translation>Quien administra su consulta le da la dirección del servidor, su nombre de usuario y un archivo de certificado que demuestra que el servidor es de la consulta. La contraseña se pide cada vez y nunca se guarda en este equipo.</translation>
    </message>
    <message>
        <source>For example clarity.riverside.local</source>
        <translation>Por ejemplo clarity.riverside.local</translation>
    </message>
    <message>
        <source>Server host</source>
        <translation>Servidor</translation>
    </message>
    <message>
        <source>Server port</source>
        <translation>Puerto del servidor</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Base de datos</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Nombre de usuario</translation>
    </message>
    <message>
        <source>Certificate file (CA)</source>
        <translation>Archivo de certificado (CA)</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Examinar…</translation>
    </message>
    <message>
        <source>Choose the certificate file</source>
        <translation>Elegir el archivo de certificado</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <source>Servers signed in to before</source>
        <translation>Servidores en los que ha iniciado sesión antes</translation>
    </message>
    <message>
        <source>&amp;Forget</source>
        <translation>Ol&amp;vidar</translation>
    </message>
    <message>
        <source>Forget the chosen server</source>
        <translation>Olvidar el servidor elegido</translation>
    </message>
    <message>
        <source>Offer this server no more here (its address and certificate file).</source>
        <translation>No volver a ofrecer aquí este servidor (su dirección y su archivo de certificado).</translation>
    </message>
    <message>
        <source>&amp;Recent servers</source>
        <translation>Se&amp;rvidores recientes</translation>
    </message>
    <message>
        <source>&amp;Host</source>
        <translation>&amp;Servidor</translation>
    </message>
    <message>
        <source>P&amp;ort</source>
        <translation>&amp;Puerto</translation>
    </message>
    <message>
        <source>&amp;Database</source>
        <translation>&amp;Base de datos</translation>
    </message>
    <message>
        <source>&amp;User name</source>
        <translation>Nombre de &amp;usuario</translation>
    </message>
    <message>
        <source>&amp;Certificate file (CA)</source>
        <translation>Archivo de &amp;certificado (CA)</translation>
    </message>
    <message>
        <source>Pass&amp;word</source>
        <translation>C&amp;ontraseña</translation>
    </message>
    <message>
        <source>Co&amp;nnect</source>
        <translation>Co&amp;nectar</translation>
    </message>
    <message>
        <source>The server&apos;s certificate file</source>
        <translation>El archivo de certificado del servidor</translation>
    </message>
    <message>
        <source>Certificates (*.crt *.pem *.cer);;All files (*)</source>
        <translation>Certificados (*.crt *.pem *.cer);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Please fill in the host, the database and your user name.</source>
        <translation>Escriba el servidor, la base de datos y su nombre de usuario.</translation>
    </message>
    <message>
        <source>Please choose the server&apos;s certificate file.</source>
        <translation>Elija el archivo de certificado del servidor.</translation>
    </message>
    <message>
        <source>Please type your password.</source>
        <translation>Escriba su contraseña.</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Conectando…</translation>
    </message>
    <message>
        <source>Please wait %d s before trying again.</source>
        <translation>Espere %d s antes de volver a intentarlo.</translation>
    </message>
</context>
<context>
    <name>SessionBar</name>
    <message>
        <source>Chosen session</source>
        <translation>Sesión elegida</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Empezar</translation>
    </message>
    <message>
        <source>Start this session: its note opens</source>
        <translation>Empezar esta sesión: se abre su nota</translation>
    </message>
    <message>
        <source>Change…</source>
        <translation>Cambiar…</translation>
    </message>
    <message>
        <source>Change the date, time or attendance</source>
        <translation>Cambiar la fecha, la hora o la asistencia</translation>
    </message>
    <message>
        <source>Cancel…</source>
        <translation>Cancelar…</translation>
    </message>
    <message>
        <source>Cancel this session, with a reason</source>
        <translation>Cancelar esta sesión, con un motivo</translation>
    </message>
    <message>
        <source>No-show…</source>
        <translation>No se presentó…</translation>
    </message>
    <message>
        <source>Record that nobody came</source>
        <translation>Registrar que no vino nadie</translation>
    </message>
    <message>
        <source>Discard…</source>
        <translation>Descartar…</translation>
    </message>
    <message>
        <source>Remove a session made by mistake</source>
        <translation>Quitar una sesión creada por error</translation>
    </message>
    <message>
        <source>Scheduled for %s, %d min. Start it to write its note.</source>
        <translation>Programada para el %s, %d min. Empiécela para escribir su nota.</translation>
    </message>
    <message>
        <source>Held on %s. The note is signed and locked.</source>
        <translation>Realizada el %s. La nota está firmada y bloqueada.</translation>
    </message>
    <message>
        <source>Held on %s. The note is a draft: the session&apos;s details can still be corrected.</source>
        <translation>Realizada el %s. La nota es un borrador: los datos de la sesión aún se pueden corregir.</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelada</translation>
    </message>
    <message>
        <source>Cancelled late</source>
        <translation>Cancelada tarde</translation>
    </message>
    <message>
        <source>No-show</source>
        <translation>No se presentó</translation>
    </message>
    <message>
        <source>%s: the session of %s.</source>
        <translation>%s: la sesión del %s.</translation>
    </message>
    <message>
        <source>Reason: %s</source>
        <translation>Motivo: %s</translation>
    </message>
</context>
<context>
    <name>SessionDialog</name>
    <message>
        <source>New session: {case}</source>
        <translation>Nueva sesión: {case}</translation>
    </message>
    <message>
        <source>Schedule sessions: {case}</source>
        <translation>Programar sesiones: {case}</translation>
    </message>
    <message>
        <source>Reschedule session: {case}</source>
        <translation>Reprogramar la sesión: {case}</translation>
    </message>
    <message>
        <source>Correct session details: {case}</source>
        <translation>Corregir los datos de la sesión: {case}</translation>
    </message>
    <message>
        <source>Safety flag: {note}</source>
        <translation>Alerta de seguridad: {note}</translation>
    </message>
    <message>
        <source>This case carries a safety flag.</source>
        <translation>Este caso tiene una alerta de seguridad.</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>In &amp;person</source>
        <translation>&amp;Presencial</translation>
    </message>
    <message>
        <source>Tele&amp;health</source>
        <translation>&amp;Telesalud</translation>
    </message>
    <message>
        <source>&amp;Both partners (joint session)</source>
        <translation>&amp;Ambos miembros (sesión conjunta)</translation>
    </message>
    <message>
        <source>{name} alone (individual session)</source>
        <translation>{name} a solas (sesión individual)</translation>
    </message>
    <message>
        <source>Notes from individual sessions are private by default.</source>
        <translation>Las notas de las sesiones individuales son privadas por defecto.</translation>
    </message>
    <message>
        <source>Five steps</source>
        <translation>Cinco pasos</translation>
    </message>
    <message>
        <source>DAP</source>
        <translation>DAP</translation>
    </message>
    <message>
        <source>SOAP</source>
        <translation>SOAP</translation>
    </message>
    <message>
        <source>Once</source>
        <translation>Una vez</translation>
    </message>
    <message>
        <source>Every week</source>
        <translation>Cada semana</translation>
    </message>
    <message>
        <source>Every two weeks</source>
        <translation>Cada dos semanas</translation>
    </message>
    <message>
        <source> sessions in all</source>
        <translation> sesiones en total</translation>
    </message>
    <message>
        <source>Repeat</source>
        <translation>Repetir</translation>
    </message>
    <message>
        <source>Number of sessions in the series</source>
        <translation>Número de sesiones de la serie</translation>
    </message>
    <message>
        <source>Date and &amp;time</source>
        <translation>Fecha y &amp;hora</translation>
    </message>
    <message>
        <source>&amp;Duration</source>
        <translation>&amp;Duración</translation>
    </message>
    <message>
        <source>Setting</source>
        <translation>Modalidad</translation>
    </message>
    <message>
        <source>Who will attend</source>
        <translation>Quién asistirá</translation>
    </message>
    <message>
        <source>Who attended</source>
        <translation>Quién asistió</translation>
    </message>
    <message>
        <source>Note te&amp;mplate</source>
        <translation>Pla&amp;ntilla de nota</translation>
    </message>
    <message>
        <source>&amp;Repeat</source>
        <translation>&amp;Repetir</translation>
    </message>
    <message>
        <source>Session date and time</source>
        <translation>Fecha y hora de la sesión</translation>
    </message>
    <message>
        <source>Duration in minutes</source>
        <translation>Duración en minutos</translation>
    </message>
    <message>
        <source>Note template</source>
        <translation>Plantilla de nota</translation>
    </message>
    <message>
        <source>Setting of the session</source>
        <translation>Modalidad de la sesión</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Programar</translation>
    </message>
    <message>
        <source>Reschedule</source>
        <translation>Reprogramar</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
</context>
<context>
    <name>SessionModeWindow</name>
    <message>
        <source>Session mode</source>
        <translation>Modo sesión</translation>
    </message>
    <message>
        <source>Time in session</source>
        <translation>Tiempo en sesión</translation>
    </message>
    <message>
        <source>of %d min</source>
        <translation>de %d min</translation>
    </message>
    <message>
        <source>&amp;End session… (Ctrl+Enter)</source>
        <translation>&amp;Terminar la sesión… (Ctrl+Intro)</translation>
    </message>
    <message>
        <source>Note pad: what you want to remember. Saved as you write.</source>
        <translation>Bloc de notas: lo que quiere recordar. Se guarda mientras escribe.</translation>
    </message>
    <message>
        <source>Note pad</source>
        <translation>Bloc de notas</translation>
    </message>
    <message>
        <source>Save state</source>
        <translation>Estado del guardado</translation>
    </message>
    <message>
        <source>Markers, newest first</source>
        <translation>Marcadores, los más recientes primero</translation>
    </message>
    <message>
        <source>The words worth keeping; Enter keeps them</source>
        <translation>Las palabras que vale la pena guardar; Intro las guarda</translation>
    </message>
    <message>
        <source>Quote</source>
        <translation>Cita</translation>
    </message>
    <message>
        <source>Said by</source>
        <translation>Dicho por</translation>
    </message>
    <message>
        <source>Said by —</source>
        <translation>Dicho por —</translation>
    </message>
    <message>
        <source>Past the planned length</source>
        <translation>Pasada la duración prevista</translation>
    </message>
    <message>
        <source>Time since session mode opened</source>
        <translation>Tiempo desde que se abrió el modo sesión</translation>
    </message>
    <message>
        <source>Waiting to save 1 marker…</source>
        <translation>Esperando para guardar 1 marcador…</translation>
    </message>
    <message>
        <source>Waiting to save %d markers…</source>
        <translation>Esperando para guardar %d marcadores…</translation>
    </message>
    <message>
        <source>Not marked: %s</source>
        <translation>No marcado: %s</translation>
    </message>
    <message>
        <source>Marked: %s</source>
        <translation>Marcado: %s</translation>
    </message>
    <message>
        <source>Undone: %s</source>
        <translation>Deshecho: %s</translation>
    </message>
    <message>
        <source>Nothing to undo.</source>
        <translation>Nada que deshacer.</translation>
    </message>
    <message>
        <source>Not undone: %s</source>
        <translation>No deshecho: %s</translation>
    </message>
    <message>
        <source>Mark a repair attempt (R) first.</source>
        <translation>Marque primero un intento de reparación (R).</translation>
    </message>
    <message>
        <source>Writing…</source>
        <translation>Escribiendo…</translation>
    </message>
    <message>
        <source>Waiting to save…</source>
        <translation>Esperando para guardar…</translation>
    </message>
    <message>
        <source>Not saved: %s</source>
        <translation>No guardado: %s</translation>
    </message>
    <message>
        <source>Pad saved</source>
        <translation>Bloc guardado</translation>
    </message>
    <message>
        <source>Writing — Esc to mark moments</source>
        <translation>Escribiendo — Esc para marcar momentos</translation>
    </message>
    <message>
        <source>Marking — Enter to write in the pad</source>
        <translation>Marcando — Intro para escribir en el bloc</translation>
    </message>
</context>
<context>
    <name>SessionTableModel</name>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Attended</source>
        <translation>Asistió</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Modalidad</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>Pasos</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Signed and locked</source>
        <translation>Firmada y bloqueada</translation>
    </message>
    <message>
        <source>Draft, not signed</source>
        <translation>Borrador, sin firmar</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>Firmada</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Borrador</translation>
    </message>
    <message>
        <source> · private</source>
        <translation> · privada</translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation>Programada</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelada</translation>
    </message>
    <message>
        <source>Late cancellation</source>
        <translation>Cancelación tardía</translation>
    </message>
    <message>
        <source>No-show</source>
        <translation>No se presentó</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Atajos de teclado</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Teclas</translation>
    </message>
    <message>
        <source>What they do</source>
        <translation>Qué hacen</translation>
    </message>
</context>
<context>
    <name>SignedInWindow</name>
    <message>
        <source>Signed in as %s, %s</source>
        <translation>Sesión iniciada como %s, %s</translation>
    </message>
    <message>
        <source>&amp;Practice</source>
        <translation>&amp;Consulta</translation>
    </message>
    <message>
        <source>Change &amp;password…</source>
        <translation>Cambiar la &amp;contraseña…</translation>
    </message>
    <message>
        <source>&amp;Lock now</source>
        <translation>B&amp;loquear ahora</translation>
    </message>
    <message>
        <source>Lock a&amp;fter inactivity</source>
        <translation>Bloquear &amp;tras inactividad</translation>
    </message>
    <message>
        <source>%s minutes</source>
        <translation>%s minutos</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Ay&amp;uda</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>A&amp;cerca de</translation>
    </message>
    <message>
        <source>Password changed.</source>
        <translation>Contraseña cambiada.</translation>
    </message>
</context>
<context>
    <name>StaffModel</name>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>Usuario</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Función</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Casos</translation>
    </message>
    <message>
        <source>Supervised by</source>
        <translation>Supervisión</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>%s (%s)</source>
        <translation>%s (%s)</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Desactivado</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Activo</translation>
    </message>
</context>
<context>
    <name>StaffView</name>
    <message>
        <source>Staff</source>
        <translation>Equipo</translation>
    </message>
    <message>
        <source>&amp;Add person…</source>
        <translation>&amp;Añadir persona…</translation>
    </message>
    <message>
        <source>&amp;Disable…</source>
        <translation>&amp;Desactivar…</translation>
    </message>
    <message>
        <source>Assign &amp;case…</source>
        <translation>Asi&amp;gnar caso…</translation>
    </message>
    <message>
        <source>Set &amp;supervisor…</source>
        <translation>Indicar su&amp;pervisión…</translation>
    </message>
    <message>
        <source>Who supervises the chosen clinician, and how closely</source>
        <translation>Quién supervisa al profesional elegido, y con qué alcance</translation>
    </message>
    <message>
        <source>You keep the practice&apos;s staff: who may sign in, in which role, which cases each clinician works with, and who supervises whom. Clinical records stay closed to an administrator&apos;s login.</source>
        <translation>Usted lleva el equipo de la consulta: quién puede entrar, con qué función, con qué casos trabaja cada profesional y quién supervisa a quién. Los registros clínicos siguen cerrados para un usuario de administración.</translation>
    </message>
    <message>
        <source>Staff not read</source>
        <translation>No se pudo leer el equipo</translation>
    </message>
    <message>
        <source>%s can now sign in.</source>
        <translation>%s ya puede iniciar sesión.</translation>
    </message>
    <message>
        <source>Disable %s?</source>
        <translation>¿Desactivar a %s?</translation>
    </message>
    <message>
        <source>%s (%s) will no longer be able to sign in, and their sessions end now. Their records, signatures and audit entries stay with the practice.</source>
        <translation>%s (%s) ya no podrá iniciar sesión, y sus sesiones abiertas terminan ahora. Sus registros, firmas y entradas de auditoría se quedan en la consulta.</translation>
    </message>
    <message>
        <source>Not disabled</source>
        <translation>No se ha desactivado</translation>
    </message>
    <message>
        <source>%s is disabled.</source>
        <translation>%s está desactivado.</translation>
    </message>
    <message>
        <source>Cases not read</source>
        <translation>No se pudieron leer los casos</translation>
    </message>
    <message>
        <source>The case was taken back from %s.</source>
        <translation>Se le ha retirado el caso a %s.</translation>
    </message>
    <message>
        <source>The case is now assigned to %s.</source>
        <translation>El caso queda asignado a %s.</translation>
    </message>
    <message>
        <source>%s is no longer supervised by %s.</source>
        <translation>%s ya no tiene la supervisión de %s.</translation>
    </message>
    <message>
        <source>%s now supervises %s: %s.</source>
        <translation>%s supervisa ahora a %s: %s.</translation>
    </message>
</context>
<context>
    <name>StaffWindow</name>
    <message>
        <source>&amp;Add person…</source>
        <translation>&amp;Añadir persona…</translation>
    </message>
    <message>
        <source>&amp;Disable…</source>
        <translation>&amp;Desactivar…</translation>
    </message>
    <message>
        <source>Assign &amp;case…</source>
        <translation>Asi&amp;gnar caso…</translation>
    </message>
    <message>
        <source>Set &amp;supervisor…</source>
        <translation>Indicar su&amp;pervisión…</translation>
    </message>
    <message>
        <source>&amp;Emergency access log…</source>
        <translation>&amp;Registro de accesos de urgencia…</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>Actuali&amp;zar</translation>
    </message>
</context>
<context>
    <name>SupervisionDialog</name>
    <message>
        <source>Set a supervisor</source>
        <translation>Indicar la supervisión</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Guardar</translation>
    </message>
    <message>
        <source>Clinician</source>
        <translation>Profesional</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>Supervisión</translation>
    </message>
    <message>
        <source>How</source>
        <translation>Cómo</translation>
    </message>
    <message>
        <source>No longer supervised by them</source>
        <translation>Deja de supervisarle</translation>
    </message>
    <message>
        <source>View only: the supervisor reads the clinician&apos;s cases. Review and approve: notes wait for the supervisor&apos;s approval before they are signed. Review and co-sign: the supervisor co-signs each signed note.</source>
        <translation>Solo lectura: quien supervisa lee los casos del profesional. Revisión y aprobación: las notas esperan su aprobación antes de firmarse. Revisión y cofirma: quien supervisa cofirma cada nota firmada.</translation>
    </message>
    <message>
        <source>C&amp;linician</source>
        <translation>&amp;Profesional</translation>
    </message>
    <message>
        <source>Su&amp;pervisor</source>
        <translation>&amp;Supervisión</translation>
    </message>
    <message>
        <source>&amp;How</source>
        <translation>&amp;Cómo</translation>
    </message>
    <message>
        <source>Nobody on the staff is a supervisor yet.</source>
        <translation>Todavía nadie del equipo tiene la función de supervisión.</translation>
    </message>
    <message>
        <source>Please choose a clinician and a supervisor.</source>
        <translation>Elija un profesional y quién le supervisa.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Guardando…</translation>
    </message>
</context>
<context>
    <name>TodayView</name>
    <message>
        <source>Today</source>
        <translation>Hoy</translation>
    </message>
    <message>
        <source>Tomorrow</source>
        <translation>Mañana</translation>
    </message>
    <message>
        <source>Sessions today and this week</source>
        <translation>Sesiones de hoy y de esta semana</translation>
    </message>
    <message>
        <source>Unsigned notes</source>
        <translation>Notas sin firmar</translation>
    </message>
    <message>
        <source>Handouts given last session</source>
        <translation>Hojas entregadas en la última sesión</translation>
    </message>
    <message>
        <source>No session in 30 days</source>
        <translation>Sin sesión en 30 días</translation>
    </message>
    <message>
        <source>Notes waiting for review</source>
        <translation>Notas pendientes de revisión</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualizar</translation>
    </message>
    <message>
        <source>Refresh the day</source>
        <translation>Actualizar el día</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Sesiones</translation>
    </message>
    <message>
        <source>Nothing booked for the next seven days.</source>
        <translation>Nada reservado para los próximos siete días.</translation>
    </message>
    <message>
        <source>Notes to sign</source>
        <translation>Notas por firmar</translation>
    </message>
    <message>
        <source>Every note is signed.</source>
        <translation>Todas las notas están firmadas.</translation>
    </message>
    <message>
        <source>No handouts recorded at the last session of the cases you see soon.</source>
        <translation>No hay hojas registradas en la última sesión de los casos que verá pronto.</translation>
    </message>
    <message>
        <source>Every active case had a session in the last 30 days.</source>
        <translation>Todos los casos activos tuvieron una sesión en los últimos 30 días.</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Empezar</translation>
    </message>
    <message>
        <source>Start this session</source>
        <translation>Empezar esta sesión</translation>
    </message>
    <message>
        <source>Open note</source>
        <translation>Abrir nota</translation>
    </message>
    <message>
        <source>Open this session&apos;s note</source>
        <translation>Abrir la nota de esta sesión</translation>
    </message>
    <message>
        <source>The day could not be read: %s</source>
        <translation>No se pudo leer el día: %s</translation>
    </message>
    <message>
        <source>1 session today</source>
        <translation>1 sesión hoy</translation>
    </message>
    <message>
        <source>%d sessions today</source>
        <translation>%d sesiones hoy</translation>
    </message>
    <message>
        <source>1 note to sign</source>
        <translation>1 nota por firmar</translation>
    </message>
    <message>
        <source>%d notes to sign</source>
        <translation>%d notas por firmar</translation>
    </message>
    <message>
        <source>1 booking past without an outcome</source>
        <translation>1 reserva pasada sin resultado</translation>
    </message>
    <message>
        <source>%d bookings past without an outcome</source>
        <translation>%d reservas pasadas sin resultado</translation>
    </message>
    <message>
        <source>bookings past without an outcome</source>
        <translation>reservas pasadas sin resultado</translation>
    </message>
    <message>
        <source>sessions this week</source>
        <translation>sesiones esta semana</translation>
    </message>
    <message>
        <source>notes to sign (the oldest are listed)</source>
        <translation>notas por firmar (se muestran las más antiguas)</translation>
    </message>
    <message>
        <source>quiet cases</source>
        <translation>casos sin actividad</translation>
    </message>
    <message>
        <source>%d of %d %s</source>
        <translation>%d de %d %s</translation>
    </message>
    <message>
        <source>Listed here: %s.</source>
        <translation>Se muestran aquí: %s.</translation>
    </message>
    <message>
        <source>Open this note</source>
        <translation>Abrir esta nota</translation>
    </message>
</context>
<context>
    <name>UnlockWindow</name>
    <message>
        <source>%s — Unlock</source>
        <translation>%s — Desbloquear</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Frase de contraseña</translation>
    </message>
    <message>
        <source>Use the &amp;recovery key instead</source>
        <translation>Usar la clave de &amp;recuperación</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>&amp;Desbloquear</translation>
    </message>
    <message>
        <source>Restore the newest backup</source>
        <translation>Restaurar la copia de seguridad más reciente</translation>
    </message>
    <message>
        <source>&amp;Go on with the practice as it is</source>
        <translation>&amp;Seguir con la consulta tal como está</translation>
    </message>
    <message>
        <source>Work saved after the date shown stays missing; this choice is audited.</source>
        <translation>El trabajo guardado después de la fecha indicada sigue faltando; esta decisión queda auditada.</translation>
    </message>
    <message>
        <source>&amp;Passphrase</source>
        <translation>&amp;Frase de contraseña</translation>
    </message>
    <message>
        <source>Practice folder: %s</source>
        <translation>Carpeta de la consulta: %s</translation>
    </message>
    <message>
        <source>Practice to open</source>
        <translation>Consulta que abrir</translation>
    </message>
    <message>
        <source>The practice on this computer</source>
        <translation>La consulta de este equipo</translation>
    </message>
    <message>
        <source>Practice server: %s</source>
        <translation>Servidor de la consulta: %s</translation>
    </message>
    <message>
        <source>&amp;Which practice</source>
        <translation>Consulta a a&amp;brir</translation>
    </message>
    <message>
        <source>&amp;Connect to a practice server…</source>
        <translation>&amp;Conectarse a un servidor de la consulta…</translation>
    </message>
    <message>
        <source>DEMO</source>
        <translation>DEMO</translation>
    </message>
    <message>
        <source>Demo practice, with invented clients</source>
        <translation>Consulta de demostración, con clientes inventados</translation>
    </message>
    <message>
        <source>This is the demo practice, with invented clients. Its passphrase is demo.</source>
        <translation>Esta es la consulta de demostración, con clientes inventados. Su frase de contraseña es demo.</translation>
    </message>
    <message>
        <source>Signs in as %s on %s, database %s.</source>
        <translation>Entra como %s en %s, base de datos %s.</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>Con&amp;traseña</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <source>&amp;Recovery key</source>
        <translation>Clave de &amp;recuperación</translation>
    </message>
    <message>
        <source>Recovery key</source>
        <translation>Clave de recuperación</translation>
    </message>
    <message>
        <source>Please type your password.</source>
        <translation>Escriba su contraseña.</translation>
    </message>
    <message>
        <source>Please type the passphrase.</source>
        <translation>Escriba la frase de contraseña.</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Conectando…</translation>
    </message>
    <message>
        <source>Unlocking…</source>
        <translation>Desbloqueando…</translation>
    </message>
    <message>
        <source>Type the passphrase first.</source>
        <translation>Escriba primero la frase de contraseña.</translation>
    </message>
    <message>
        <source>Restore the backup of %s (%d cases, %d notes)</source>
        <translation>Restaurar la copia de seguridad del %s (%d casos, %d notas)</translation>
    </message>
    <message>
        <source>Type the passphrase first; restoring needs it.</source>
        <translation>Escriba primero la frase de contraseña; restaurar la necesita.</translation>
    </message>
    <message>
        <source>Restoring the backup…</source>
        <translation>Restaurando la copia de seguridad…</translation>
    </message>
    <message>
        <source>Please wait %d s before trying again.</source>
        <translation>Espere %d s antes de volver a intentarlo.</translation>
    </message>
</context>
<context>
    <name>ViewTabs</name>
    <message>
        <source>Views</source>
        <translation>Vistas</translation>
    </message>
    <message>
        <source>Toda&amp;y</source>
        <translation>&amp;Hoy</translation>
    </message>
    <message>
        <source>Session no&amp;te</source>
        <translation>No&amp;ta de sesión</translation>
    </message>
    <message>
        <source>Case &amp;dashboard</source>
        <translation>&amp;Panel del caso</translation>
    </message>
    <message>
        <source>Treatment p&amp;lan</source>
        <translation>Plan de trata&amp;miento</translation>
    </message>
    <message>
        <source>Meas&amp;ures</source>
        <translation>Cuestionari&amp;os</translation>
    </message>
    <message>
        <source>Practice &amp;overview</source>
        <translation>&amp;Resumen de la consulta</translation>
    </message>
    <message>
        <source>Dashboard not shown</source>
        <translation>Panel no mostrado</translation>
    </message>
</context>
</TS>
