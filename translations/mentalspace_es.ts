<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
<context>
    <name>CacheFailure</name>
    <message>
        <location filename="../core/sync/CacheFailure.cpp" line="10"/>
        <source>This computer&apos;s disk is full, so nothing was saved. Free some space and try again.</source>
        <translation>El disco de este ordenador está lleno, así que no se guardó nada. Libere espacio y vuelva a intentarlo.</translation>
    </message>
    <message>
        <location filename="../core/sync/CacheFailure.cpp" line="14"/>
        <source>This computer&apos;s copy of the schedule cannot be written (its file is read-only), so nothing was saved.</source>
        <translation>No se puede escribir en la copia de la agenda de este ordenador (su archivo es de solo lectura), así que no se guardó nada.</translation>
    </message>
    <message>
        <location filename="../core/sync/CacheFailure.cpp" line="18"/>
        <source>This computer&apos;s copy of the schedule failed (%1); nothing was changed.</source>
        <translation>La copia de la agenda de este ordenador falló (%1); no se cambió nada.</translation>
    </message>
</context>
<context>
    <name>LocalClients</name>
    <message>
        <location filename="../core/sync/LocalClients.cpp" line="55"/>
        <source>A first name is needed.</source>
        <translation>Falta el nombre.</translation>
    </message>
    <message>
        <location filename="../core/sync/LocalClients.cpp" line="58"/>
        <source>A last name is needed.</source>
        <translation>Faltan los apellidos.</translation>
    </message>
    <message>
        <location filename="../core/sync/LocalClients.cpp" line="75"/>
        <source>%1 is not an email address.</source>
        <translation>%1 no es una dirección de correo electrónico.</translation>
    </message>
    <message>
        <location filename="../core/sync/LocalClients.cpp" line="85"/>
        <source>The date of birth is not a past date.</source>
        <translation>La fecha de nacimiento no es una fecha pasada.</translation>
    </message>
    <message>
        <location filename="../core/sync/LocalClients.cpp" line="110"/>
        <source>the same name and date of birth</source>
        <translation>el mismo nombre y fecha de nacimiento</translation>
    </message>
    <message>
        <location filename="../core/sync/LocalClients.cpp" line="114"/>
        <source>the same phone number</source>
        <translation>el mismo número de teléfono</translation>
    </message>
    <message>
        <location filename="../core/sync/LocalClients.cpp" line="117"/>
        <source>the same email</source>
        <translation>el mismo correo electrónico</translation>
    </message>
    <message>
        <location filename="../core/sync/LocalClients.cpp" line="129"/>
        <source>Your role (%1) may not add clients.</source>
        <translation>Su función (%1) no permite añadir pacientes.</translation>
    </message>
    <message>
        <location filename="../core/sync/LocalClients.cpp" line="146"/>
        <source>New client</source>
        <translation>Nuevo paciente</translation>
    </message>
</context>
<context>
    <name>PhoneNumber</name>
    <message>
        <location filename="../core/domain/PhoneNumber.cpp" line="21"/>
        <source>The phone number %1 is not a valid %2 number</source>
        <translation>El número de teléfono %1 no es un número válido de %2</translation>
    </message>
    <message>
        <location filename="../core/domain/PhoneNumber.cpp" line="25"/>
        <source>A phone number is needed.</source>
        <translation>Falta el número de teléfono.</translation>
    </message>
    <message>
        <location filename="../core/domain/PhoneNumber.cpp" line="35"/>
        <source>The phone number %1 has an extension; text reminders need a number of its own</source>
        <translation>El número de teléfono %1 tiene extensión; los recordatorios por SMS necesitan un número propio</translation>
    </message>
</context>
<context>
    <name>RolePermissions</name>
    <message>
        <location filename="../app/desktop/RolePermissions.cpp" line="44"/>
        <source>practice administrator</source>
        <translation>administración de la consulta</translation>
    </message>
    <message>
        <location filename="../app/desktop/RolePermissions.cpp" line="46"/>
        <source>clinician</source>
        <translation>profesional clínico</translation>
    </message>
    <message>
        <location filename="../app/desktop/RolePermissions.cpp" line="48"/>
        <source>supervisor</source>
        <translation>supervisión</translation>
    </message>
    <message>
        <location filename="../app/desktop/RolePermissions.cpp" line="50"/>
        <source>intern</source>
        <translation>en prácticas</translation>
    </message>
    <message>
        <location filename="../app/desktop/RolePermissions.cpp" line="52"/>
        <source>billing</source>
        <translation>facturación</translation>
    </message>
    <message>
        <location filename="../app/desktop/RolePermissions.cpp" line="54"/>
        <source>front desk</source>
        <translation>recepción</translation>
    </message>
    <message>
        <location filename="../app/desktop/RolePermissions.cpp" line="56"/>
        <source>support</source>
        <translation>soporte técnico</translation>
    </message>
    <message>
        <location filename="../app/desktop/RolePermissions.cpp" line="58"/>
        <source>system administrator</source>
        <translation>administración del sistema</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <location filename="../app/desktop/Startup.cpp" line="59"/>
        <source>The practice&apos;s calendar, offline or not.</source>
        <translation>La agenda de la consulta, con conexión o sin ella.</translation>
    </message>
    <message>
        <location filename="../app/desktop/Startup.cpp" line="64"/>
        <source>Open the demo practice as its front desk.</source>
        <translation>Abrir la consulta de demostración como recepción.</translation>
    </message>
    <message>
        <location filename="../app/desktop/Startup.cpp" line="66"/>
        <source>The demo practice&apos;s data folder.</source>
        <translation>La carpeta de datos de la consulta de demostración.</translation>
    </message>
    <message>
        <location filename="../app/desktop/Startup.cpp" line="70"/>
        <source>Exit once the synced calendar is painted, printing how many appointments it shows.</source>
        <translation>Salir en cuanto se dibuja la agenda sincronizada, indicando cuántas citas muestra.</translation>
    </message>
    <message>
        <location filename="../app/desktop/Startup.cpp" line="75"/>
        <source>With --quit-after-first-paint: save the window as a PNG image first.</source>
        <translation>Con --quit-after-first-paint: guardar antes la ventana como imagen PNG.</translation>
    </message>
</context>
<context>
    <name>mss::desktop::AppointmentBook</name>
    <message>
        <location filename="../app/desktop/AppointmentBook.cpp" line="119"/>
        <source>The local copy of the schedule cannot be read: %1</source>
        <translation>No se puede leer la copia local de la agenda: %1</translation>
    </message>
    <message>
        <location filename="../app/desktop/AppointmentBook.cpp" line="155"/>
        <location filename="../app/desktop/AppointmentBook.cpp" line="715"/>
        <source>That appointment is no longer in the schedule.</source>
        <translation>Esa cita ya no está en la agenda.</translation>
    </message>
    <message>
        <location filename="../app/desktop/AppointmentBook.cpp" line="162"/>
        <source>That time is busy; only its provider&apos;s team can open it.</source>
        <translation>Ese horario está ocupado; solo el equipo de su profesional puede abrirlo.</translation>
    </message>
    <message>
        <location filename="../app/desktop/AppointmentBook.cpp" line="179"/>
        <source>%1, %2 %3 with %4</source>
        <translation>%1, %2 %3 con %4</translation>
    </message>
    <message>
        <location filename="../app/desktop/AppointmentBook.cpp" line="201"/>
        <source>This time is taken</source>
        <translation>Este horario está ocupado</translation>
    </message>
    <message>
        <location filename="../app/desktop/AppointmentBook.cpp" line="202"/>
        <source>%1 is not possible: it collides with
%2</source>
        <translation>%1 no es posible: coincide con
%2</translation>
    </message>
    <message>
        <location filename="../app/desktop/AppointmentBook.cpp" line="210"/>
        <source>Book anyway</source>
        <translation>Reservar de todos modos</translation>
    </message>
    <message>
        <location filename="../app/desktop/AppointmentBook.cpp" line="216"/>
        <source>%1: saved</source>
        <translation>%1: guardado</translation>
    </message>
    <message>
        <location filename="../app/desktop/AppointmentBook.cpp" line="229"/>
        <source>Not saved</source>
        <translation>No guardado</translation>
    </message>
    <message>
        <location filename="../app/desktop/AppointmentBook.cpp" line="230"/>
        <source>%1 was not saved:
%2</source>
        <translation>%1 no se ha guardado:
%2</translation>
    </message>
    <message>
        <location filename="../app/desktop/AppointmentBook.cpp" line="298"/>
        <source>Booking</source>
        <translation>La reserva</translation>
    </message>
    <message>
        <location filename="../app/desktop/AppointmentBook.cpp" line="300"/>
        <source>the booking of %1</source>
        <translation>la reserva de %1</translation>
    </message>
    <message>
        <location filename="../app/desktop/AppointmentBook.cpp" line="318"/>
        <source>The series</source>
        <translation>La serie</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/desktop/AppointmentBook.cpp" line="323"/>
        <source>Series saved: %n appointment(s) to be booked</source>
        <translation>
            <numerusform>Serie guardada: se reservará %n cita</numerusform>
            <numerusform>Serie guardada: se reservarán %n citas</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/desktop/AppointmentBook.cpp" line="382"/>
        <source>%1 is not cancelled: there is nothing to reinstate.</source>
        <translation>%1 no está cancelada: no hay nada que restablecer.</translation>
    </message>
    <message>
        <location filename="../app/desktop/AppointmentBook.cpp" line="387"/>
        <source>%1 cannot be reinstated: its time is taken now by %2.</source>
        <translation>%1 no se puede restablecer: su horario lo ocupa ahora %2.</translation>
    </message>
    <message>
        <location filename="../app/desktop/AppointmentBook.cpp" line="395"/>
        <source>Reinstating</source>
        <translation>Restablecer la cita</translation>
    </message>
    <message>
        <location filename="../app/desktop/AppointmentBook.cpp" line="399"/>
        <source>Reinstated: %1</source>
        <translation>Restablecida: %1</translation>
    </message>
    <message>
        <location filename="../app/desktop/AppointmentBook.cpp" line="400"/>
        <source>reinstating %1</source>
        <translation>el restablecimiento de %1</translation>
    </message>
    <message>
        <location filename="../app/desktop/AppointmentBook.cpp" line="420"/>
        <source>change</source>
        <translation>cambiar</translation>
    </message>
    <message>
        <location filename="../app/desktop/AppointmentBook.cpp" line="428"/>
        <source>The change</source>
        <translation>El cambio</translation>
    </message>
    <message>
        <location filename="../app/desktop/AppointmentBook.cpp" line="452"/>
        <source>That series is not in the local copy of the schedule yet; sync first.</source>
        <translation>Esa serie aún no está en la copia local de la agenda; sincronice primero.</translation>
    </message>
    <message>
        <location filename="../app/desktop/AppointmentBook.cpp" line="468"/>
        <source>Changing this and the following</source>
        <translation>Cambiar esta cita y las siguientes</translation>
    </message>
    <message>
        <location filename="../app/desktop/AppointmentBook.cpp" line="472"/>
        <source>Changing every occurrence</source>
        <translation>Cambiar todas las citas de la serie</translation>
    </message>
    <message>
        <location filename="../app/desktop/AppointmentBook.cpp" line="489"/>
        <source>move</source>
        <translation>mover</translation>
    </message>
    <message>
        <location filename="../app/desktop/AppointmentBook.cpp" line="499"/>
        <source>The move</source>
        <translation>El cambio de hora</translation>
    </message>
    <message>
        <location filename="../app/desktop/AppointmentBook.cpp" line="502"/>
        <source>the move of %1</source>
        <translation>el cambio de hora de %1</translation>
    </message>
    <message>
        <location filename="../app/desktop/AppointmentBook.cpp" line="518"/>
        <source>cancel</source>
        <translation>cancelar</translation>
    </message>
    <message>
        <location filename="../app/desktop/AppointmentBook.cpp" line="546"/>
        <source>Cancelled: %1</source>
        <translation>Cancelada: %1</translation>
    </message>
    <message>
        <location filename="../app/desktop/AppointmentBook.cpp" line="548"/>
        <source>the cancellation of %1</source>
        <translation>la cancelación de %1</translation>
    </message>
    <message>
        <location filename="../app/desktop/AppointmentBook.cpp" line="551"/>
        <source>The cancellation</source>
        <translation>La cancelación</translation>
    </message>
    <message>
        <location filename="../app/desktop/AppointmentBook.cpp" line="560"/>
        <source>%1 has started: it can no longer be confirmed.</source>
        <translation>%1 ya ha empezado: ya no se puede confirmar.</translation>
    </message>
    <message>
        <location filename="../app/desktop/AppointmentBook.cpp" line="561"/>
        <source>%1 has not started yet: it can be completed or marked a no-show once it has.</source>
        <translation>%1 aún no ha empezado: se podrá completar o marcar como no presentada cuando empiece.</translation>
    </message>
    <message>
        <location filename="../app/desktop/AppointmentBook.cpp" line="571"/>
        <source>Completing</source>
        <translation>Completar la cita</translation>
    </message>
    <message>
        <location filename="../app/desktop/AppointmentBook.cpp" line="573"/>
        <source>completing %1</source>
        <translation>completar la cita de %1</translation>
    </message>
    <message>
        <location filename="../app/desktop/AppointmentBook.cpp" line="580"/>
        <source>Marking a no-show</source>
        <translation>Marcar la inasistencia</translation>
    </message>
    <message>
        <location filename="../app/desktop/AppointmentBook.cpp" line="582"/>
        <source>the no-show of %1</source>
        <translation>la inasistencia de %1</translation>
    </message>
    <message>
        <location filename="../app/desktop/AppointmentBook.cpp" line="589"/>
        <source>Confirming</source>
        <translation>Confirmar la cita</translation>
    </message>
    <message>
        <location filename="../app/desktop/AppointmentBook.cpp" line="591"/>
        <source>confirming %1</source>
        <translation>confirmar la cita de %1</translation>
    </message>
    <message>
        <location filename="../app/desktop/AppointmentBook.cpp" line="654"/>
        <source>Next open slot</source>
        <translation>Próximo hueco libre</translation>
    </message>
    <message>
        <location filename="../app/desktop/AppointmentBook.cpp" line="655"/>
        <source>%1 has no open 50-minute slot in the next month.</source>
        <translation>%1 no tiene ningún hueco libre de 50 minutos en el próximo mes.</translation>
    </message>
    <message>
        <location filename="../app/desktop/AppointmentBook.cpp" line="671"/>
        <source>Availability of %1</source>
        <translation>Disponibilidad de %1</translation>
    </message>
    <message>
        <location filename="../app/desktop/AppointmentBook.cpp" line="688"/>
        <source>The change of hours</source>
        <translation>El cambio de horario</translation>
    </message>
    <message>
        <location filename="../app/desktop/AppointmentBook.cpp" line="761"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../app/desktop/AppointmentBook.cpp" line="765"/>
        <location filename="../app/desktop/AppointmentBook.cpp" line="774"/>
        <source>Deleted on the server</source>
        <translation>Eliminada en el servidor</translation>
    </message>
    <message>
        <location filename="../app/desktop/AppointmentBook.cpp" line="780"/>
        <source>the time is held for a waitlist client</source>
        <translation>el horario está reservado para un paciente de la lista de espera</translation>
    </message>
    <message>
        <location filename="../app/desktop/AppointmentBook.cpp" line="783"/>
        <source>Refused by the server: %1</source>
        <translation>Rechazado por el servidor: %1</translation>
    </message>
    <message>
        <location filename="../app/desktop/AppointmentBook.cpp" line="768"/>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <location filename="../app/desktop/AppointmentBook.cpp" line="775"/>
        <source>Changed</source>
        <translation>Modificada</translation>
    </message>
    <message>
        <location filename="../app/desktop/AppointmentBook.cpp" line="778"/>
        <source>the time is taken on the server</source>
        <translation>el horario ya está ocupado en el servidor</translation>
    </message>
    <message>
        <location filename="../app/desktop/AppointmentBook.cpp" line="796"/>
        <source>Taking theirs</source>
        <translation>Aceptar la versión del servidor</translation>
    </message>
    <message>
        <location filename="../app/desktop/AppointmentBook.cpp" line="809"/>
        <source>Keep mine</source>
        <translation>Conservar la mía</translation>
    </message>
    <message>
        <location filename="../app/desktop/AppointmentBook.cpp" line="810"/>
        <source>Only a practice administrator or a supervisor may book over another appointment. Take theirs, or pick another time.</source>
        <translation>Solo la administración de la consulta o un supervisor puede reservar encima de otra cita. Acepte la versión del servidor o elija otro horario.</translation>
    </message>
    <message>
        <location filename="../app/desktop/AppointmentBook.cpp" line="816"/>
        <source>Keeping mine</source>
        <translation>Conservar la mía</translation>
    </message>
</context>
<context>
    <name>mss::desktop::CalendarFeedDialog</name>
    <message>
        <location filename="../app/desktop/CalendarFeedDialog.cpp" line="26"/>
        <source>&amp;Copy</source>
        <translation>&amp;Copiar</translation>
    </message>
    <message>
        <location filename="../app/desktop/CalendarFeedDialog.cpp" line="27"/>
        <source>&amp;Turn on</source>
        <translation>&amp;Activar</translation>
    </message>
    <message>
        <location filename="../app/desktop/CalendarFeedDialog.cpp" line="28"/>
        <source>&amp;New address</source>
        <translation>&amp;Nueva dirección</translation>
    </message>
    <message>
        <location filename="../app/desktop/CalendarFeedDialog.cpp" line="29"/>
        <source>Turn &amp;off</source>
        <translation>&amp;Desactivar</translation>
    </message>
    <message>
        <location filename="../app/desktop/CalendarFeedDialog.cpp" line="30"/>
        <source>My calendar feed</source>
        <translation>Mi calendario suscrito</translation>
    </message>
    <message>
        <location filename="../app/desktop/CalendarFeedDialog.cpp" line="33"/>
        <source>Subscribe to your appointments from the calendar on your phone or computer. The feed shows the times of your appointments and only what the practice allows of the clients; anyone who has the address can read it, so keep it to yourself. If it got out, make a new address: the old one stops working.</source>
        <translation>Suscríbase a sus citas desde el calendario de su teléfono o su computadora. El calendario muestra las horas de sus citas y solo lo que la práctica permite de los clientes; cualquiera que tenga la dirección puede leerlo, así que no la comparta. Si se difundió, cree una dirección nueva: la anterior deja de funcionar.</translation>
    </message>
    <message>
        <location filename="../app/desktop/CalendarFeedDialog.cpp" line="43"/>
        <source>The address appears here when it is made</source>
        <translation>La dirección aparece aquí cuando se crea</translation>
    </message>
    <message>
        <location filename="../app/desktop/CalendarFeedDialog.cpp" line="71"/>
        <source>The address is copied. Paste it where your calendar program asks for a subscription (&quot;Add calendar from URL&quot;).</source>
        <translation>La dirección está copiada. Péguela donde su programa de calendario pide una suscripción (&quot;Añadir calendario desde URL&quot;).</translation>
    </message>
    <message>
        <location filename="../app/desktop/CalendarFeedDialog.cpp" line="80"/>
        <source>Asking the server…</source>
        <translation>Consultando al servidor…</translation>
    </message>
    <message>
        <location filename="../app/desktop/CalendarFeedDialog.cpp" line="99"/>
        <source>Your calendar feed is off.</source>
        <translation>Su calendario suscrito está desactivado.</translation>
    </message>
    <message>
        <location filename="../app/desktop/CalendarFeedDialog.cpp" line="105"/>
        <source>Your calendar feed is on; its address was made on %1. It is shown only when it is made: make a new one to see it again.</source>
        <translation>Su calendario suscrito está activado; su dirección se creó el %1. Solo se muestra al crearla: cree una nueva para verla otra vez.</translation>
    </message>
    <message>
        <location filename="../app/desktop/CalendarFeedDialog.cpp" line="108"/>
        <source>Your calendar feed is on.</source>
        <translation>Su calendario suscrito está activado.</translation>
    </message>
    <message>
        <location filename="../app/desktop/CalendarFeedDialog.cpp" line="114"/>
        <source>Making the address…</source>
        <translation>Creando la dirección…</translation>
    </message>
    <message>
        <location filename="../app/desktop/CalendarFeedDialog.cpp" line="126"/>
        <source>Your calendar feed is on. Copy the address now: it is not shown again.</source>
        <translation>Su calendario suscrito está activado. Copie la dirección ahora: no se volverá a mostrar.</translation>
    </message>
    <message>
        <location filename="../app/desktop/CalendarFeedDialog.cpp" line="144"/>
        <source>Your calendar feed is off; its address no longer works.</source>
        <translation>Su calendario suscrito está desactivado; su dirección ya no funciona.</translation>
    </message>
    <message>
        <location filename="../app/desktop/CalendarFeedDialog.cpp" line="153"/>
        <source>This server does not offer calendar feeds.</source>
        <translation>Este servidor no ofrece calendarios suscritos.</translation>
    </message>
    <message>
        <location filename="../app/desktop/CalendarFeedDialog.cpp" line="155"/>
        <source>The practice has turned calendar feeds off.</source>
        <translation>La práctica ha desactivado los calendarios suscritos.</translation>
    </message>
    <message>
        <location filename="../app/desktop/CalendarFeedDialog.cpp" line="157"/>
        <source>The server did not do it: %1</source>
        <translation>El servidor no lo hizo: %1</translation>
    </message>
</context>
<context>
    <name>mss::desktop::DeskSession</name>
    <message>
        <location filename="../app/desktop/DeskSession.cpp" line="70"/>
        <location filename="../app/desktop/DeskSession.cpp" line="115"/>
        <source>The server cannot be reached: %1</source>
        <translation>No se puede contactar con el servidor: %1</translation>
    </message>
    <message>
        <location filename="../app/desktop/DeskSession.cpp" line="76"/>
        <source>The email or password is not right.</source>
        <translation>El correo electrónico o la contraseña no son correctos.</translation>
    </message>
    <message>
        <location filename="../app/desktop/DeskSession.cpp" line="125"/>
        <source>Your sign-in has ended; please sign in again.</source>
        <translation>Su sesión ha terminado; vuelva a iniciar sesión.</translation>
    </message>
    <message>
        <location filename="../app/desktop/DeskSession.cpp" line="191"/>
        <source>The local copy of the schedule cannot be opened: %1</source>
        <translation>No se puede abrir la copia local de la agenda: %1</translation>
    </message>
</context>
<context>
    <name>mss::desktop::FirstRunDialog</name>
    <message>
        <location filename="../app/desktop/FirstRunDialog.cpp" line="34"/>
        <source>Welcome to MentalSpace Scheduler</source>
        <translation>Bienvenido a MentalSpace Scheduler</translation>
    </message>
    <message>
        <location filename="../app/desktop/FirstRunDialog.cpp" line="36"/>
        <source>&lt;b&gt;How does this computer reach the practice&apos;s schedule?&lt;/b&gt;</source>
        <translation>&lt;b&gt;¿Cómo accede este equipo a la agenda de la consulta?&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../app/desktop/FirstRunDialog.cpp" line="37"/>
        <source>&amp;Connect to the practice&apos;s server</source>
        <translation>&amp;Conectarse al servidor de la consulta</translation>
    </message>
    <message>
        <location filename="../app/desktop/FirstRunDialog.cpp" line="38"/>
        <source>&amp;Host the office server on this computer</source>
        <translation>&amp;Alojar el servidor de la consulta en este equipo</translation>
    </message>
    <message>
        <location filename="../app/desktop/FirstRunDialog.cpp" line="52"/>
        <source>Server &amp;address:</source>
        <translation>&amp;Dirección del servidor:</translation>
    </message>
    <message>
        <location filename="../app/desktop/FirstRunDialog.cpp" line="53"/>
        <source>&amp;Email:</source>
        <translation>Correo &amp;electrónico:</translation>
    </message>
    <message>
        <location filename="../app/desktop/FirstRunDialog.cpp" line="54"/>
        <source>&amp;Password:</source>
        <translation>Contra&amp;seña:</translation>
    </message>
    <message>
        <location filename="../app/desktop/FirstRunDialog.cpp" line="75"/>
        <source>This folder holds a practice already: sign in to it as its administrator.</source>
        <translation>Esta carpeta ya contiene una consulta: inicie sesión en ella como su administrador.</translation>
    </message>
    <message>
        <location filename="../app/desktop/FirstRunDialog.cpp" line="94"/>
        <source>Data &amp;folder:</source>
        <translation>Carpeta de &amp;datos:</translation>
    </message>
    <message>
        <location filename="../app/desktop/FirstRunDialog.cpp" line="98"/>
        <source>Practice time &amp;zone:</source>
        <translation>&amp;Zona horaria de la consulta:</translation>
    </message>
    <message>
        <location filename="../app/desktop/FirstRunDialog.cpp" line="99"/>
        <source>Administrator e&amp;mail:</source>
        <translation>Correo del ad&amp;ministrador:</translation>
    </message>
    <message>
        <location filename="../app/desktop/FirstRunDialog.cpp" line="100"/>
        <source>Pass&amp;word:</source>
        <translation>C&amp;ontraseña:</translation>
    </message>
    <message>
        <location filename="../app/desktop/FirstRunDialog.cpp" line="101"/>
        <source>&amp;Repeat password:</source>
        <translation>&amp;Repetir contraseña:</translation>
    </message>
    <message>
        <location filename="../app/desktop/FirstRunDialog.cpp" line="64"/>
        <source>Choose…</source>
        <translation>Elegir…</translation>
    </message>
    <message>
        <location filename="../app/desktop/FirstRunDialog.cpp" line="67"/>
        <source>Data folder</source>
        <translation>Carpeta de datos</translation>
    </message>
    <message>
        <location filename="../app/desktop/FirstRunDialog.cpp" line="120"/>
        <location filename="../app/desktop/FirstRunDialog.cpp" line="247"/>
        <source>Sign in</source>
        <translation>Iniciar sesión</translation>
    </message>
    <message>
        <location filename="../app/desktop/FirstRunDialog.cpp" line="161"/>
        <source>Sign in again</source>
        <translation>Volver a iniciar sesión</translation>
    </message>
    <message>
        <location filename="../app/desktop/FirstRunDialog.cpp" line="162"/>
        <source>&lt;b&gt;Your sign-in has ended: please type your password.&lt;/b&gt;</source>
        <translation>&lt;b&gt;Su sesión ha terminado: escriba su contraseña.&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../app/desktop/FirstRunDialog.cpp" line="232"/>
        <source>Open the practice</source>
        <translation>Abrir la consulta</translation>
    </message>
    <message>
        <location filename="../app/desktop/FirstRunDialog.cpp" line="238"/>
        <source>Create the practice</source>
        <translation>Crear la consulta</translation>
    </message>
    <message>
        <location filename="../app/desktop/FirstRunDialog.cpp" line="240"/>
        <source>The password needs at least %1 characters.</source>
        <translation>La contraseña necesita al menos %1 caracteres.</translation>
    </message>
</context>
<context>
    <name>mss::desktop::MainWindow</name>
    <message>
        <location filename="../app/desktop/MainWindow.cpp" line="55"/>
        <source>MentalSpace Scheduler</source>
        <translation>MentalSpace Scheduler</translation>
    </message>
    <message>
        <location filename="../app/desktop/MainWindow.cpp" line="72"/>
        <source>Loading the schedule… %v</source>
        <translation>Cargando la agenda… %v</translation>
    </message>
    <message>
        <location filename="../app/desktop/MainWindow.cpp" line="78"/>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <location filename="../app/desktop/MainWindow.cpp" line="84"/>
        <source>Sync conflicts</source>
        <translation>Conflictos de sincronización</translation>
    </message>
    <message>
        <location filename="../app/desktop/MainWindow.cpp" line="91"/>
        <source>Waitlist</source>
        <translation>Lista de espera</translation>
    </message>
    <message>
        <location filename="../app/desktop/MainWindow.cpp" line="97"/>
        <source>&amp;Waitlist</source>
        <translation>&amp;Lista de espera</translation>
    </message>
    <message>
        <location filename="../app/desktop/MainWindow.cpp" line="134"/>
        <source>Show &amp;cancelled</source>
        <translation>Mostrar &amp;canceladas</translation>
    </message>
    <message>
        <location filename="../app/desktop/MainWindow.cpp" line="137"/>
        <source>Show cancelled appointments on the calendar</source>
        <translation>Mostrar las citas canceladas en el calendario</translation>
    </message>
    <message>
        <location filename="../app/desktop/MainWindow.cpp" line="157"/>
        <source>Find</source>
        <translation>Buscar</translation>
    </message>
    <message>
        <location filename="../app/desktop/MainWindow.cpp" line="170"/>
        <source>That appointment is no longer in the schedule.</source>
        <translation>Esa cita ya no está en la agenda.</translation>
    </message>
    <message>
        <location filename="../app/desktop/MainWindow.cpp" line="177"/>
        <location filename="../app/desktop/MainWindow.cpp" line="192"/>
        <source>&amp;Undo</source>
        <translation>&amp;Deshacer</translation>
    </message>
    <message>
        <location filename="../app/desktop/MainWindow.cpp" line="182"/>
        <source>Undo</source>
        <translation>Deshacer</translation>
    </message>
    <message>
        <location filename="../app/desktop/MainWindow.cpp" line="206"/>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <location filename="../app/desktop/MainWindow.cpp" line="207"/>
        <source>&amp;Print day sheet…</source>
        <translation>&amp;Imprimir la hoja del día…</translation>
    </message>
    <message>
        <location filename="../app/desktop/MainWindow.cpp" line="208"/>
        <source>Print pre&amp;view of the day sheet…</source>
        <translation>&amp;Vista previa de la hoja del día…</translation>
    </message>
    <message>
        <location filename="../app/desktop/MainWindow.cpp" line="209"/>
        <source>&amp;Export day sheet to PDF…</source>
        <translation>&amp;Exportar la hoja del día a PDF…</translation>
    </message>
    <message>
        <location filename="../app/desktop/MainWindow.cpp" line="211"/>
        <source>Sign &amp;out</source>
        <translation>&amp;Cerrar sesión</translation>
    </message>
    <message>
        <location filename="../app/desktop/MainWindow.cpp" line="212"/>
        <location filename="../app/desktop/MainWindow.cpp" line="499"/>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <location filename="../app/desktop/MainWindow.cpp" line="214"/>
        <source>&amp;Edit</source>
        <translation>&amp;Edición</translation>
    </message>
    <message>
        <location filename="../app/desktop/MainWindow.cpp" line="217"/>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <location filename="../app/desktop/MainWindow.cpp" line="220"/>
        <source>&amp;Day</source>
        <translation>&amp;Día</translation>
    </message>
    <message>
        <location filename="../app/desktop/MainWindow.cpp" line="221"/>
        <source>&amp;Week</source>
        <translation>&amp;Semana</translation>
    </message>
    <message>
        <location filename="../app/desktop/MainWindow.cpp" line="222"/>
        <source>&amp;Providers</source>
        <translation>&amp;Profesionales</translation>
    </message>
    <message>
        <location filename="../app/desktop/MainWindow.cpp" line="223"/>
        <source>&amp;Month</source>
        <translation>&amp;Mes</translation>
    </message>
    <message>
        <location filename="../app/desktop/MainWindow.cpp" line="238"/>
        <source>&amp;Today</source>
        <translation>&amp;Hoy</translation>
    </message>
    <message>
        <location filename="../app/desktop/MainWindow.cpp" line="241"/>
        <source>&amp;Schedule</source>
        <translation>A&amp;genda</translation>
    </message>
    <message>
        <location filename="../app/desktop/MainWindow.cpp" line="243"/>
        <source>&amp;New appointment…</source>
        <translation>&amp;Nueva cita…</translation>
    </message>
    <message>
        <location filename="../app/desktop/MainWindow.cpp" line="245"/>
        <source>Next &amp;open slot…</source>
        <translation>Próximo &amp;hueco libre…</translation>
    </message>
    <message>
        <location filename="../app/desktop/MainWindow.cpp" line="248"/>
        <source>&amp;Availability…</source>
        <translation>&amp;Disponibilidad…</translation>
    </message>
    <message>
        <location filename="../app/desktop/MainWindow.cpp" line="249"/>
        <source>&amp;Find an appointment…</source>
        <translation>&amp;Buscar una cita…</translation>
    </message>
    <message>
        <location filename="../app/desktop/MainWindow.cpp" line="256"/>
        <source>&amp;Sync now</source>
        <translation>&amp;Sincronizar ahora</translation>
    </message>
    <message>
        <location filename="../app/desktop/MainWindow.cpp" line="258"/>
        <source>My &amp;calendar feed…</source>
        <translation>Mi &amp;calendario suscrito…</translation>
    </message>
    <message>
        <location filename="../app/desktop/MainWindow.cpp" line="267"/>
        <source>S&amp;ettings</source>
        <translation>&amp;Configuración</translation>
    </message>
    <message>
        <location filename="../app/desktop/MainWindow.cpp" line="269"/>
        <source>&amp;Reminders and confirmations…</source>
        <translation>&amp;Recordatorios y confirmaciones…</translation>
    </message>
    <message>
        <location filename="../app/desktop/MainWindow.cpp" line="272"/>
        <source>&amp;Calendar feeds…</source>
        <translation>&amp;Calendarios suscritos…</translation>
    </message>
    <message>
        <location filename="../app/desktop/MainWindow.cpp" line="280"/>
        <source>&amp;Help</source>
        <translation>Ay&amp;uda</translation>
    </message>
    <message>
        <location filename="../app/desktop/MainWindow.cpp" line="281"/>
        <source>&amp;About MentalSpace Scheduler</source>
        <translation>&amp;Acerca de MentalSpace Scheduler</translation>
    </message>
    <message>
        <location filename="../app/desktop/MainWindow.cpp" line="362"/>
        <source>Appointments missing at the server</source>
        <translation>Citas que faltan en el servidor</translation>
    </message>
    <message>
        <location filename="../app/desktop/MainWindow.cpp" line="363"/>
        <source>The server no longer lists %1 of the %2 appointments this computer holds for these days.</source>
        <translation>El servidor ya no incluye %1 de las %2 citas que este equipo guarda para estos días.</translation>
    </message>
    <message>
        <location filename="../app/desktop/MainWindow.cpp" line="370"/>
        <source>This happens when the server was restored from an older backup or is another practice&apos;s. Remove them only if they were deleted on purpose; kept, they stay on this computer and nothing is sent.</source>
        <translation>Esto ocurre cuando el servidor se restauró desde una copia de seguridad anterior o es el de otra consulta. Elimínelas solo si se borraron a propósito; si las conserva, se quedan en este equipo y no se envía nada.</translation>
    </message>
    <message>
        <location filename="../app/desktop/MainWindow.cpp" line="373"/>
        <source>&amp;Remove from this computer</source>
        <translation>&amp;Eliminar de este equipo</translation>
    </message>
    <message>
        <location filename="../app/desktop/MainWindow.cpp" line="375"/>
        <source>&amp;Keep them</source>
        <translation>&amp;Conservarlas</translation>
    </message>
    <message>
        <location filename="../app/desktop/MainWindow.cpp" line="418"/>
        <source>The cache could not keep whether this server has a waitlist: %1</source>
        <translation>La caché no pudo guardar si este servidor tiene lista de espera: %1</translation>
    </message>
    <message>
        <location filename="../app/desktop/MainWindow.cpp" line="423"/>
        <source>No waitlist on this server</source>
        <translation>Este servidor no tiene lista de espera</translation>
    </message>
    <message>
        <location filename="../app/desktop/MainWindow.cpp" line="453"/>
        <source>Tried at %1: connected to the server again.</source>
        <translation>Último intento (%1): de nuevo conectado con el servidor.</translation>
    </message>
    <message>
        <location filename="../app/desktop/MainWindow.cpp" line="454"/>
        <source>Tried at %1: the server did not answer.</source>
        <translation>Último intento (%1): el servidor no respondió.</translation>
    </message>
    <message>
        <location filename="../app/desktop/MainWindow.cpp" line="472"/>
        <source>The office server on this computer stopped (%1); starting it again…</source>
        <translation>El servidor de la consulta en este equipo se detuvo (%1); se está iniciando de nuevo…</translation>
    </message>
    <message>
        <location filename="../app/desktop/MainWindow.cpp" line="477"/>
        <source>The office server is running again.</source>
        <translation>El servidor de la consulta vuelve a funcionar.</translation>
    </message>
    <message>
        <location filename="../app/desktop/MainWindow.cpp" line="482"/>
        <source>The office server could not be started again: %1. Changes are kept on this computer; restart the scheduler to try again.</source>
        <translation>No se pudo volver a iniciar el servidor de la consulta: %1. Los cambios se guardan en este equipo; reinicie la agenda para intentarlo de nuevo.</translation>
    </message>
    <message>
        <location filename="../app/desktop/MainWindow.cpp" line="493"/>
        <source>Changes not yet sent</source>
        <translation>Cambios aún no enviados</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/desktop/MainWindow.cpp" line="494"/>
        <source>%n change(s) made here have not reached the server yet.</source>
        <translation>
            <numerusform>%n cambio hecho aquí aún no ha llegado al servidor.</numerusform>
            <numerusform>%n cambios hechos aquí aún no han llegado al servidor.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/desktop/MainWindow.cpp" line="497"/>
        <source>They are kept on this computer and sent the next time the scheduler connects to the server. Quit now?</source>
        <translation>Se guardan en este equipo y se envían la próxima vez que la agenda se conecte al servidor. ¿Salir ahora?</translation>
    </message>
    <message>
        <location filename="../app/desktop/MainWindow.cpp" line="500"/>
        <source>&amp;Stay</source>
        <translation>&amp;Quedarse</translation>
    </message>
    <message>
        <location filename="../app/desktop/MainWindow.cpp" line="582"/>
        <source>day-sheet-%1.pdf</source>
        <translation>hoja-del-dia-%1.pdf</translation>
    </message>
    <message>
        <location filename="../app/desktop/MainWindow.cpp" line="577"/>
        <location filename="../app/desktop/MainWindow.cpp" line="588"/>
        <source>Export day sheet</source>
        <translation>Exportar la hoja del día</translation>
    </message>
    <message>
        <location filename="../app/desktop/MainWindow.cpp" line="425"/>
        <source>The server does not keep a waitlist (or cannot send its changes to this desk), so the Waitlist is not offered.</source>
        <translation>El servidor no tiene lista de espera (o no puede enviar sus cambios a este puesto), así que la lista de espera no se ofrece.</translation>
    </message>
    <message>
        <location filename="../app/desktop/MainWindow.cpp" line="577"/>
        <source>PDF files (*.pdf)</source>
        <translation>Archivos PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../app/desktop/MainWindow.cpp" line="588"/>
        <source>%1 cannot be written.</source>
        <translation>No se puede escribir %1.</translation>
    </message>
    <message>
        <location filename="../app/desktop/MainWindow.cpp" line="590"/>
        <source>Day sheet saved to %1</source>
        <translation>Hoja del día guardada en %1</translation>
    </message>
    <message>
        <location filename="../app/desktop/MainWindow.cpp" line="605"/>
        <source>Day sheet of %1, %2</source>
        <translation>Hoja del día de %1, %2</translation>
    </message>
    <message>
        <location filename="../app/desktop/MainWindow.cpp" line="621"/>
        <source>About MentalSpace Scheduler</source>
        <translation>Acerca de MentalSpace Scheduler</translation>
    </message>
    <message>
        <location filename="../app/desktop/MainWindow.cpp" line="622"/>
        <source>&lt;h3&gt;MentalSpace Scheduler %1&lt;/h3&gt;&lt;p&gt;The practice&apos;s calendar, working from a copy on this computer, so booking goes on when the network does not.&lt;/p&gt;&lt;p&gt;Connected to %2&lt;/p&gt;</source>
        <translation>&lt;h3&gt;MentalSpace Scheduler %1&lt;/h3&gt;&lt;p&gt;La agenda de la consulta, que trabaja con una copia en este equipo para que se pueda seguir dando citas aunque falle la red.&lt;/p&gt;&lt;p&gt;Conectado a %2&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>mss::desktop::OfficeServer</name>
    <message>
        <location filename="../app/desktop/OfficeServer.cpp" line="78"/>
        <location filename="../app/desktop/OfficeServer.cpp" line="138"/>
        <source>cannot start %1; is the mentalspace-server package installed?</source>
        <translation>no se puede iniciar %1; ¿está instalado el paquete mentalspace-server?</translation>
    </message>
    <message>
        <location filename="../app/desktop/OfficeServer.cpp" line="133"/>
        <source>the office server stopped (exit code %1)</source>
        <translation>el servidor de la consulta se ha detenido (código de salida %1)</translation>
    </message>
    <message>
        <location filename="../app/desktop/OfficeServer.cpp" line="149"/>
        <source>it was ended from outside or crashed</source>
        <translation>se cerró desde fuera o falló</translation>
    </message>
    <message>
        <location filename="../app/desktop/OfficeServer.cpp" line="150"/>
        <source>exit code %1</source>
        <translation>código de salida %1</translation>
    </message>
    <message>
        <location filename="../app/desktop/OfficeServer.cpp" line="157"/>
        <source>it stopped again each time it was started</source>
        <translation>se detuvo de nuevo cada vez que se inició</translation>
    </message>
</context>
<context>
    <name>mss::desktop::PracticeFeedsDialog</name>
    <message>
        <location filename="../app/desktop/PracticeFeedsDialog.cpp" line="32"/>
        <source>Calendar feeds</source>
        <translation>Calendarios suscritos</translation>
    </message>
    <message>
        <location filename="../app/desktop/PracticeFeedsDialog.cpp" line="34"/>
        <source>Staff can subscribe to their own appointments from the calendar on their phone (Schedule &gt; My calendar feed). Choose what those calendars may show of the clients.</source>
        <translation>El personal puede suscribirse a sus propias citas desde el calendario de su teléfono (Agenda &gt; Mi calendario suscrito). Elija qué pueden mostrar esos calendarios de los clientes.</translation>
    </message>
    <message>
        <location filename="../app/desktop/PracticeFeedsDialog.cpp" line="40"/>
        <source>No calendar feeds</source>
        <translation>Sin calendarios suscritos</translation>
    </message>
    <message>
        <location filename="../app/desktop/PracticeFeedsDialog.cpp" line="41"/>
        <source>&quot;Appointment&quot; and the time only</source>
        <translation>Solo &quot;Cita&quot; y la hora</translation>
    </message>
    <message>
        <location filename="../app/desktop/PracticeFeedsDialog.cpp" line="42"/>
        <source>The client&apos;s initials</source>
        <translation>Las iniciales del cliente</translation>
    </message>
    <message>
        <location filename="../app/desktop/PracticeFeedsDialog.cpp" line="43"/>
        <source>The client&apos;s name, notes and meeting link</source>
        <translation>El nombre del cliente, las notas y el enlace de la reunión</translation>
    </message>
    <message>
        <location filename="../app/desktop/PracticeFeedsDialog.cpp" line="46"/>
        <source> days</source>
        <translation> días</translation>
    </message>
    <message>
        <location filename="../app/desktop/PracticeFeedsDialog.cpp" line="54"/>
        <source>Feeds show:</source>
        <translation>Los calendarios muestran:</translation>
    </message>
    <message>
        <location filename="../app/desktop/PracticeFeedsDialog.cpp" line="55"/>
        <source>From the past:</source>
        <translation>Del pasado:</translation>
    </message>
    <message>
        <location filename="../app/desktop/PracticeFeedsDialog.cpp" line="56"/>
        <source>Into the future:</source>
        <translation>Hacia el futuro:</translation>
    </message>
    <message>
        <location filename="../app/desktop/PracticeFeedsDialog.cpp" line="70"/>
        <source>Reading the server&apos;s settings…</source>
        <translation>Leyendo la configuración del servidor…</translation>
    </message>
    <message>
        <location filename="../app/desktop/PracticeFeedsDialog.cpp" line="75"/>
        <source>The settings cannot be read: %1</source>
        <translation>No se puede leer la configuración: %1</translation>
    </message>
    <message>
        <location filename="../app/desktop/PracticeFeedsDialog.cpp" line="77"/>
        <source>This server does not offer calendar feeds.</source>
        <translation>Este servidor no ofrece calendarios suscritos.</translation>
    </message>
    <message>
        <location filename="../app/desktop/PracticeFeedsDialog.cpp" line="94"/>
        <source>Saving…</source>
        <translation>Guardando…</translation>
    </message>
    <message>
        <location filename="../app/desktop/PracticeFeedsDialog.cpp" line="103"/>
        <source>The server did not save it: %1</source>
        <translation>El servidor no lo guardó: %1</translation>
    </message>
    <message>
        <location filename="../app/desktop/PracticeFeedsDialog.cpp" line="107"/>
        <source>Saved. Calendars show the change at their next refresh.</source>
        <translation>Guardado. Los calendarios muestran el cambio en su próxima actualización.</translation>
    </message>
</context>
<context>
    <name>mss::desktop::ReminderSettingsDialog</name>
    <message>
        <location filename="../app/desktop/ReminderSettingsDialog.cpp" line="38"/>
        <source>Reminders and confirmations</source>
        <translation>Recordatorios y confirmaciones</translation>
    </message>
    <message>
        <location filename="../app/desktop/ReminderSettingsDialog.cpp" line="43"/>
        <source>Practice</source>
        <translation>Consulta</translation>
    </message>
    <message>
        <location filename="../app/desktop/ReminderSettingsDialog.cpp" line="45"/>
        <source>Practice name:</source>
        <translation>Nombre de la consulta:</translation>
    </message>
    <message>
        <location filename="../app/desktop/ReminderSettingsDialog.cpp" line="46"/>
        <source>Address clients reach:</source>
        <translation>Dirección pública para los clientes:</translation>
    </message>
    <message>
        <location filename="../app/desktop/ReminderSettingsDialog.cpp" line="49"/>
        <location filename="../app/desktop/ReminderSettingsDialog.cpp" line="93"/>
        <source>Email</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <location filename="../app/desktop/ReminderSettingsDialog.cpp" line="51"/>
        <source>Mail server:</source>
        <translation>Servidor de correo:</translation>
    </message>
    <message>
        <location filename="../app/desktop/ReminderSettingsDialog.cpp" line="55"/>
        <source>Port:</source>
        <translation>Puerto:</translation>
    </message>
    <message>
        <location filename="../app/desktop/ReminderSettingsDialog.cpp" line="57"/>
        <source>STARTTLS when the server offers it</source>
        <translation>STARTTLS cuando el servidor lo ofrezca</translation>
    </message>
    <message>
        <location filename="../app/desktop/ReminderSettingsDialog.cpp" line="58"/>
        <source>Encryption required</source>
        <translation>Cifrado obligatorio</translation>
    </message>
    <message>
        <location filename="../app/desktop/ReminderSettingsDialog.cpp" line="59"/>
        <source>Encryption:</source>
        <translation>Cifrado:</translation>
    </message>
    <message>
        <location filename="../app/desktop/ReminderSettingsDialog.cpp" line="60"/>
        <source>User name:</source>
        <translation>Usuario:</translation>
    </message>
    <message>
        <location filename="../app/desktop/ReminderSettingsDialog.cpp" line="61"/>
        <source>Password:</source>
        <translation>Contraseña:</translation>
    </message>
    <message>
        <location filename="../app/desktop/ReminderSettingsDialog.cpp" line="62"/>
        <source>Sender address:</source>
        <translation>Dirección del remitente:</translation>
    </message>
    <message>
        <location filename="../app/desktop/ReminderSettingsDialog.cpp" line="64"/>
        <source>Text messages (SMS)</source>
        <translation>Mensajes de texto (SMS)</translation>
    </message>
    <message>
        <location filename="../app/desktop/ReminderSettingsDialog.cpp" line="66"/>
        <source>Gateway address:</source>
        <translation>Dirección de la pasarela:</translation>
    </message>
    <message>
        <location filename="../app/desktop/ReminderSettingsDialog.cpp" line="67"/>
        <source>Account:</source>
        <translation>Cuenta:</translation>
    </message>
    <message>
        <location filename="../app/desktop/ReminderSettingsDialog.cpp" line="68"/>
        <source>Token:</source>
        <translation>Token:</translation>
    </message>
    <message>
        <location filename="../app/desktop/ReminderSettingsDialog.cpp" line="69"/>
        <source>Sender number:</source>
        <translation>Número del remitente:</translation>
    </message>
    <message>
        <location filename="../app/desktop/ReminderSettingsDialog.cpp" line="70"/>
        <source>Reply webhook secret:</source>
        <translation>Secreto del webhook de respuestas:</translation>
    </message>
    <message>
        <location filename="../app/desktop/ReminderSettingsDialog.cpp" line="73"/>
        <source>Waitlist offers</source>
        <translation>Ofertas de la lista de espera</translation>
    </message>
    <message>
        <location filename="../app/desktop/ReminderSettingsDialog.cpp" line="78"/>
        <location filename="../app/desktop/ReminderSettingsDialog.cpp" line="85"/>
        <source> minutes</source>
        <translation> minutos</translation>
    </message>
    <message>
        <location filename="../app/desktop/ReminderSettingsDialog.cpp" line="79"/>
        <source>How long a freed time is kept for the client it is offered to (never past its start)</source>
        <translation>Cuánto tiempo se reserva un horario liberado para el cliente al que se le ofrece (nunca más allá de su inicio)</translation>
    </message>
    <message>
        <location filename="../app/desktop/ReminderSettingsDialog.cpp" line="81"/>
        <source>Hold a freed time for:</source>
        <translation>Reservar un horario liberado durante:</translation>
    </message>
    <message>
        <location filename="../app/desktop/ReminderSettingsDialog.cpp" line="86"/>
        <source>No time is offered once it is this close</source>
        <translation>No se ofrece ningún horario cuando falta menos de esto</translation>
    </message>
    <message>
        <location filename="../app/desktop/ReminderSettingsDialog.cpp" line="87"/>
        <source>Stop offering before the time:</source>
        <translation>Dejar de ofrecer antes del horario:</translation>
    </message>
    <message>
        <location filename="../app/desktop/ReminderSettingsDialog.cpp" line="90"/>
        <source>Test message</source>
        <translation>Mensaje de prueba</translation>
    </message>
    <message>
        <location filename="../app/desktop/ReminderSettingsDialog.cpp" line="94"/>
        <source>Text message</source>
        <translation>Mensaje de texto</translation>
    </message>
    <message>
        <location filename="../app/desktop/ReminderSettingsDialog.cpp" line="95"/>
        <source>Send by:</source>
        <translation>Enviar por:</translation>
    </message>
    <message>
        <location filename="../app/desktop/ReminderSettingsDialog.cpp" line="97"/>
        <source>an email address or a phone number</source>
        <translation>una dirección de correo o un número de teléfono</translation>
    </message>
    <message>
        <location filename="../app/desktop/ReminderSettingsDialog.cpp" line="98"/>
        <source>To:</source>
        <translation>Para:</translation>
    </message>
    <message>
        <location filename="../app/desktop/ReminderSettingsDialog.cpp" line="99"/>
        <source>Send &amp;test message</source>
        <translation>Enviar mensaje de &amp;prueba</translation>
    </message>
    <message>
        <location filename="../app/desktop/ReminderSettingsDialog.cpp" line="101"/>
        <source>Sends with the settings as saved on the server: save changes first</source>
        <translation>Envía con la configuración guardada en el servidor: guarde antes los cambios</translation>
    </message>
    <message>
        <location filename="../app/desktop/ReminderSettingsDialog.cpp" line="131"/>
        <source>Se&amp;nding</source>
        <translation>E&amp;nvío</translation>
    </message>
    <message>
        <location filename="../app/desktop/ReminderSettingsDialog.cpp" line="132"/>
        <source>Te&amp;mplates</source>
        <translation>Pl&amp;antillas</translation>
    </message>
    <message>
        <location filename="../app/desktop/ReminderSettingsDialog.cpp" line="185"/>
        <source>Reading the server&apos;s settings…</source>
        <translation>Leyendo la configuración del servidor…</translation>
    </message>
    <message>
        <location filename="../app/desktop/ReminderSettingsDialog.cpp" line="199"/>
        <source>The settings cannot be read: %1</source>
        <translation>No se puede leer la configuración: %1</translation>
    </message>
    <message>
        <location filename="../app/desktop/ReminderSettingsDialog.cpp" line="220"/>
        <source>set; type to replace it</source>
        <translation>configurado; escriba para cambiarlo</translation>
    </message>
    <message>
        <location filename="../app/desktop/ReminderSettingsDialog.cpp" line="220"/>
        <source>not set</source>
        <translation>sin configurar</translation>
    </message>
    <message>
        <location filename="../app/desktop/ReminderSettingsDialog.cpp" line="287"/>
        <location filename="../app/desktop/ReminderSettingsDialog.cpp" line="290"/>
        <source>%1 %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../app/desktop/ReminderSettingsDialog.cpp" line="307"/>
        <source>A template uses a placeholder the scheduler does not know: see the field marked below.</source>
        <translation>Una plantilla usa un marcador que la agenda no conoce: vea el campo señalado abajo.</translation>
    </message>
    <message>
        <location filename="../app/desktop/ReminderSettingsDialog.cpp" line="319"/>
        <source>Saving…</source>
        <translation>Guardando…</translation>
    </message>
    <message>
        <location filename="../app/desktop/ReminderSettingsDialog.cpp" line="340"/>
        <source>Sending…</source>
        <translation>Enviando…</translation>
    </message>
    <message>
        <location filename="../app/desktop/ReminderSettingsDialog.cpp" line="354"/>
        <source>Sent. Check that it arrived.</source>
        <translation>Enviado. Compruebe que ha llegado.</translation>
    </message>
    <message>
        <location filename="../app/desktop/ReminderSettingsDialog.cpp" line="363"/>
        <source>Not sent: %1</source>
        <translation>No enviado: %1</translation>
    </message>
</context>
<context>
    <name>mss::desktop::ReminderTemplatesPage</name>
    <message>
        <location filename="../app/desktop/ReminderTemplatesPage.cpp" line="97"/>
        <location filename="../app/desktop/ReminderTemplatesPage.cpp" line="411"/>
        <source>English</source>
        <translation>Inglés</translation>
    </message>
    <message>
        <location filename="../app/desktop/ReminderTemplatesPage.cpp" line="98"/>
        <location filename="../app/desktop/ReminderTemplatesPage.cpp" line="411"/>
        <source>Spanish</source>
        <translation>Español</translation>
    </message>
    <message>
        <location filename="../app/desktop/ReminderTemplatesPage.cpp" line="101"/>
        <location filename="../app/desktop/ReminderTemplatesPage.cpp" line="418"/>
        <source>Default (every type)</source>
        <translation>Predeterminada (todos los tipos)</translation>
    </message>
    <message>
        <location filename="../app/desktop/ReminderTemplatesPage.cpp" line="107"/>
        <source>&amp;Language:</source>
        <translation>&amp;Idioma:</translation>
    </message>
    <message>
        <location filename="../app/desktop/ReminderTemplatesPage.cpp" line="109"/>
        <source>Appointment &amp;type:</source>
        <translation>&amp;Tipo de cita:</translation>
    </message>
    <message>
        <location filename="../app/desktop/ReminderTemplatesPage.cpp" line="183"/>
        <source>Email</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <location filename="../app/desktop/ReminderTemplatesPage.cpp" line="185"/>
        <source>Subject:</source>
        <translation>Asunto:</translation>
    </message>
    <message>
        <location filename="../app/desktop/ReminderTemplatesPage.cpp" line="192"/>
        <source>Plain text</source>
        <translation>Texto sin formato</translation>
    </message>
    <message>
        <location filename="../app/desktop/ReminderTemplatesPage.cpp" line="193"/>
        <source>HTML</source>
        <translation>HTML</translation>
    </message>
    <message>
        <location filename="../app/desktop/ReminderTemplatesPage.cpp" line="195"/>
        <source>Text message (SMS)</source>
        <translation>Mensaje de texto (SMS)</translation>
    </message>
    <message>
        <location filename="../app/desktop/ReminderTemplatesPage.cpp" line="200"/>
        <source>Placeholders (click to insert)</source>
        <translation>Marcadores (haga clic para insertar)</translation>
    </message>
    <message>
        <location filename="../app/desktop/ReminderTemplatesPage.cpp" line="204"/>
        <source>The client&apos;s first name</source>
        <translation>El nombre de pila del cliente</translation>
    </message>
    <message>
        <location filename="../app/desktop/ReminderTemplatesPage.cpp" line="205"/>
        <source>The appointment&apos;s date, in the practice&apos;s time zone</source>
        <translation>La fecha de la cita, en la zona horaria de la consulta</translation>
    </message>
    <message>
        <location filename="../app/desktop/ReminderTemplatesPage.cpp" line="206"/>
        <source>The appointment&apos;s time, in the practice&apos;s time zone</source>
        <translation>La hora de la cita, en la zona horaria de la consulta</translation>
    </message>
    <message>
        <location filename="../app/desktop/ReminderTemplatesPage.cpp" line="207"/>
        <source>The provider&apos;s name</source>
        <translation>El nombre del profesional</translation>
    </message>
    <message>
        <location filename="../app/desktop/ReminderTemplatesPage.cpp" line="208"/>
        <source>Where the appointment is (Office, Virtual, …)</source>
        <translation>Dónde es la cita (Office, Virtual, …)</translation>
    </message>
    <message>
        <location filename="../app/desktop/ReminderTemplatesPage.cpp" line="209"/>
        <source>The link that confirms the appointment</source>
        <translation>El enlace que confirma la cita</translation>
    </message>
    <message>
        <location filename="../app/desktop/ReminderTemplatesPage.cpp" line="210"/>
        <source>The link that tells the practice the client cannot come</source>
        <translation>El enlace que avisa a la consulta de que el cliente no puede ir</translation>
    </message>
    <message>
        <location filename="../app/desktop/ReminderTemplatesPage.cpp" line="211"/>
        <source>The practice&apos;s name, as set on the Sending page</source>
        <translation>El nombre de la consulta, tal como figura en la página Envío</translation>
    </message>
    <message>
        <location filename="../app/desktop/ReminderTemplatesPage.cpp" line="227"/>
        <source>Preview: a reminder to Alex</source>
        <translation>Vista previa: un recordatorio para Alex</translation>
    </message>
    <message>
        <location filename="../app/desktop/ReminderTemplatesPage.cpp" line="255"/>
        <source>A sample appointment next Tuesday at 10:00 in the practice&apos;s time zone; the links are as long as real ones.</source>
        <translation>Una cita de ejemplo el próximo martes a las 10:00 en la zona horaria de la consulta; los enlaces son tan largos como los reales.</translation>
    </message>
    <message>
        <location filename="../app/desktop/ReminderTemplatesPage.cpp" line="262"/>
        <source>Text message:</source>
        <translation>Mensaje de texto:</translation>
    </message>
    <message>
        <location filename="../app/desktop/ReminderTemplatesPage.cpp" line="352"/>
        <source>Reset to built-in</source>
        <translation>Restablecer la original</translation>
    </message>
    <message>
        <location filename="../app/desktop/ReminderTemplatesPage.cpp" line="352"/>
        <source>Same as default</source>
        <translation>Igual que la predeterminada</translation>
    </message>
    <message>
        <location filename="../app/desktop/ReminderTemplatesPage.cpp" line="354"/>
        <source>Use the text that comes with the scheduler</source>
        <translation>Usar el texto que trae la agenda</translation>
    </message>
    <message>
        <location filename="../app/desktop/ReminderTemplatesPage.cpp" line="355"/>
        <source>Use this language&apos;s default template for this appointment type</source>
        <translation>Usar la plantilla predeterminada de este idioma para este tipo de cita</translation>
    </message>
    <message>
        <location filename="../app/desktop/ReminderTemplatesPage.cpp" line="413"/>
        <location filename="../app/desktop/ReminderTemplatesPage.cpp" line="421"/>
        <source>%1 (customised)</source>
        <translation>%1 (personalizada)</translation>
    </message>
    <message>
        <location filename="../app/desktop/ReminderTemplatesPage.cpp" line="437"/>
        <source>Not a placeholder: %1. Use only those listed below.</source>
        <translation>No es un marcador: %1. Use solo los de la lista de abajo.</translation>
    </message>
    <message>
        <location filename="../app/desktop/ReminderTemplatesPage.cpp" line="440"/>
        <source>Reminders never carry clinical detail such as the appointment type or notes.</source>
        <translation>Los recordatorios nunca llevan datos clínicos como el tipo de cita o las notas.</translation>
    </message>
    <message>
        <location filename="../app/desktop/ReminderTemplatesPage.cpp" line="480"/>
        <source>Templates: %1</source>
        <translation>Plantillas: %1</translation>
    </message>
    <message>
        <location filename="../app/desktop/ReminderTemplatesPage.cpp" line="517"/>
        <source>Your practice</source>
        <translation>Su consulta</translation>
    </message>
    <message>
        <location filename="../app/desktop/ReminderTemplatesPage.cpp" line="520"/>
        <source>Subject: %1</source>
        <translation>Asunto: %1</translation>
    </message>
    <message>
        <location filename="../app/desktop/ReminderTemplatesPage.cpp" line="525"/>
        <source>Characters: %1</source>
        <translation>Caracteres: %1</translation>
    </message>
    <message>
        <location filename="../app/desktop/ReminderTemplatesPage.cpp" line="526"/>
        <source>SMS parts: %1</source>
        <translation>Partes de SMS: %1</translation>
    </message>
    <message>
        <location filename="../app/desktop/ReminderTemplatesPage.cpp" line="527"/>
        <source>UCS-2 (70 characters, 67 a part)</source>
        <translation>UCS-2 (70 caracteres, 67 por parte)</translation>
    </message>
    <message>
        <location filename="../app/desktop/ReminderTemplatesPage.cpp" line="528"/>
        <source>GSM-7 (160 characters, 153 a part)</source>
        <translation>GSM-7 (160 caracteres, 153 por parte)</translation>
    </message>
    <message>
        <location filename="../app/desktop/ReminderTemplatesPage.cpp" line="532"/>
        <source>This text goes as %1 messages: each is billed and phones may show them out of order. Keep it to 2.</source>
        <translation>Este texto se envía como %1 mensajes: cada uno se factura y los teléfonos pueden mostrarlos desordenados. No pase de 2.</translation>
    </message>
    <message>
        <location filename="../app/desktop/ReminderTemplatesPage.cpp" line="536"/>
        <source>Characters outside the GSM alphabet (such as á, í, ó, ú) make every part shorter.</source>
        <translation>Los caracteres que no están en el alfabeto GSM (como á, í, ó, ú) acortan cada parte.</translation>
    </message>
    <message>
        <location filename="../app/desktop/ReminderTemplatesPage.cpp" line="543"/>
        <source>Text messages must carry no clinical detail: {%1} is not sent.</source>
        <translation>Los mensajes de texto no deben llevar datos clínicos: {%1} no se envía.</translation>
    </message>
    <message>
        <location filename="../app/desktop/ReminderTemplatesPage.cpp" line="555"/>
        <source>This text names the appointment type (%1): text messages should carry no clinical detail.</source>
        <translation>Este texto nombra el tipo de cita (%1): los mensajes de texto no deben llevar datos clínicos.</translation>
    </message>
</context>
<context>
    <name>mss::desktop::Startup</name>
    <message>
        <location filename="../app/desktop/Startup.cpp" line="114"/>
        <source>MentalSpace Scheduler</source>
        <translation>MentalSpace Scheduler</translation>
    </message>
    <message>
        <location filename="../app/desktop/Startup.cpp" line="128"/>
        <source>The office server did not start: %1</source>
        <translation>El servidor de la consulta no se ha iniciado: %1</translation>
    </message>
    <message>
        <location filename="../app/desktop/Startup.cpp" line="145"/>
        <source>Starting the demo practice&apos;s server on %1</source>
        <translation>Iniciando el servidor de la consulta de demostración en %1</translation>
    </message>
    <message>
        <location filename="../app/desktop/Startup.cpp" line="147"/>
        <source>Signing in to %1 as %2 (password %3)</source>
        <translation>Iniciando sesión en %1 como %2 (contraseña %3)</translation>
    </message>
    <message>
        <location filename="../app/desktop/Startup.cpp" line="156"/>
        <source>Creating the demo practice in %1 …</source>
        <translation>Creando la consulta de demostración en %1 …</translation>
    </message>
    <message>
        <location filename="../app/desktop/Startup.cpp" line="159"/>
        <source>The demo practice could not be created: %1</source>
        <translation>No se ha podido crear la consulta de demostración: %1</translation>
    </message>
    <message>
        <location filename="../app/desktop/Startup.cpp" line="199"/>
        <location filename="../app/desktop/Startup.cpp" line="218"/>
        <source>Starting the office server…</source>
        <translation>Iniciando el servidor de la consulta…</translation>
    </message>
    <message>
        <location filename="../app/desktop/Startup.cpp" line="200"/>
        <source>Creating the practice…</source>
        <translation>Creando la consulta…</translation>
    </message>
    <message>
        <location filename="../app/desktop/Startup.cpp" line="204"/>
        <source>Signing in to %1… The system keychain may ask for its password.</source>
        <translation>Iniciando sesión en %1… El llavero del sistema puede pedir su contraseña.</translation>
    </message>
    <message>
        <location filename="../app/desktop/Startup.cpp" line="221"/>
        <location filename="../app/desktop/Startup.cpp" line="343"/>
        <source>Signing in…</source>
        <translation>Iniciando sesión…</translation>
    </message>
    <message>
        <location filename="../app/desktop/Startup.cpp" line="232"/>
        <source>The practice could not be created: %1</source>
        <translation>No se ha podido crear la consulta: %1</translation>
    </message>
    <message>
        <location filename="../app/desktop/Startup.cpp" line="319"/>
        <source>Please sign in.</source>
        <translation>Inicie sesión.</translation>
    </message>
    <message>
        <location filename="../app/desktop/Startup.cpp" line="338"/>
        <source>this computer&apos;s office server</source>
        <translation>el servidor de la consulta en este equipo</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/desktop/Startup.cpp" line="364"/>
        <source>First paint: %n appointment(s) on screen</source>
        <translation>
            <numerusform>Primera imagen: %n cita en pantalla</numerusform>
            <numerusform>Primera imagen: %n citas en pantalla</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/desktop/Startup.cpp" line="394"/>
        <source>Keychain unavailable</source>
        <translation>Llavero no disponible</translation>
    </message>
    <message>
        <location filename="../app/desktop/Startup.cpp" line="374"/>
        <source>The system keychain cannot keep your sign-in (%1). You stay signed in until you quit; next time you will be asked for your password.</source>
        <translation>El llavero del sistema no puede guardar su sesión (%1). Seguirá con la sesión iniciada hasta que salga; la próxima vez se le pedirá la contraseña.</translation>
    </message>
    <message>
        <location filename="../app/desktop/Startup.cpp" line="381"/>
        <source>The system keychain cannot keep the key of this computer&apos;s copy of the schedule (%1). Meeting links and passwords are kept unencrypted in it, readable only by your account, until the keychain is available.</source>
        <translation>El llavero del sistema no puede guardar la clave de la copia de la agenda de este equipo (%1). Los enlaces y contraseñas de las reuniones se guardan en ella sin cifrar, legibles solo para su cuenta, hasta que el llavero esté disponible.</translation>
    </message>
</context>
<context>
    <name>mss::desktop::UndoHistory</name>
    <message>
        <location filename="../app/desktop/UndoHistory.cpp" line="51"/>
        <source>&amp;Undo %1</source>
        <translation>&amp;Deshacer %1</translation>
    </message>
    <message>
        <location filename="../app/desktop/UndoHistory.cpp" line="56"/>
        <source>Nothing to undo.</source>
        <translation>No hay nada que deshacer.</translation>
    </message>
    <message>
        <location filename="../app/desktop/UndoHistory.cpp" line="64"/>
        <source>Not undone: %1 is no longer in the schedule.</source>
        <translation>No se ha deshecho: %1 ya no está en la agenda.</translation>
    </message>
    <message>
        <location filename="../app/desktop/UndoHistory.cpp" line="68"/>
        <source>Not undone: the appointment was changed since %1; undoing would overwrite that change.</source>
        <translation>No se ha deshecho: la cita ha cambiado después de %1; deshacer sobrescribiría ese cambio.</translation>
    </message>
    <message>
        <location filename="../app/desktop/UndoHistory.cpp" line="78"/>
        <source>Booking undone</source>
        <translation>Reserva deshecha</translation>
    </message>
    <message>
        <location filename="../app/desktop/UndoHistory.cpp" line="90"/>
        <source>Not undone: the old time of %1 is taken now (%2).</source>
        <translation>No se ha deshecho: la hora anterior de %1 ya está ocupada (%2).</translation>
    </message>
    <message>
        <location filename="../app/desktop/UndoHistory.cpp" line="92"/>
        <source>Not undone: %1 (%2).</source>
        <translation>No se ha deshecho: %1 (%2).</translation>
    </message>
    <message>
        <location filename="../app/desktop/UndoHistory.cpp" line="95"/>
        <source>Undone: %1</source>
        <translation>Deshecho: %1</translation>
    </message>
</context>
<context>
    <name>mss::desktop::WaitlistPanel</name>
    <message>
        <location filename="../app/desktop/WaitlistPanel.cpp" line="50"/>
        <source>Show &amp;booked and removed</source>
        <translation>Mostrar &amp;citadas y quitadas</translation>
    </message>
    <message>
        <location filename="../app/desktop/WaitlistPanel.cpp" line="51"/>
        <source>&amp;Add…</source>
        <translation>&amp;Añadir…</translation>
    </message>
    <message>
        <location filename="../app/desktop/WaitlistPanel.cpp" line="52"/>
        <source>&amp;Edit…</source>
        <translation>&amp;Editar…</translation>
    </message>
    <message>
        <location filename="../app/desktop/WaitlistPanel.cpp" line="53"/>
        <source>&amp;Remove</source>
        <translation>&amp;Quitar</translation>
    </message>
    <message>
        <location filename="../app/desktop/WaitlistPanel.cpp" line="54"/>
        <source>Release &amp;hold</source>
        <translation>Liberar &amp;reserva</translation>
    </message>
    <message>
        <location filename="../app/desktop/WaitlistPanel.cpp" line="57"/>
        <source>Book from &amp;waitlist</source>
        <translation>Citar desde la lista de &amp;espera</translation>
    </message>
    <message>
        <location filename="../app/desktop/WaitlistPanel.cpp" line="63"/>
        <location filename="../app/desktop/WaitlistPanel.cpp" line="69"/>
        <source>Priority</source>
        <translation>Prioridad</translation>
    </message>
    <message>
        <location filename="../app/desktop/WaitlistPanel.cpp" line="63"/>
        <location filename="../app/desktop/WaitlistPanel.cpp" line="69"/>
        <source>Client</source>
        <translation>Paciente</translation>
    </message>
    <message>
        <location filename="../app/desktop/WaitlistPanel.cpp" line="63"/>
        <source>Provider</source>
        <translation>Profesional</translation>
    </message>
    <message>
        <location filename="../app/desktop/WaitlistPanel.cpp" line="63"/>
        <location filename="../app/desktop/WaitlistPanel.cpp" line="69"/>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <location filename="../app/desktop/WaitlistPanel.cpp" line="63"/>
        <source>Length</source>
        <translation>Duración</translation>
    </message>
    <message>
        <location filename="../app/desktop/WaitlistPanel.cpp" line="64"/>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location filename="../app/desktop/WaitlistPanel.cpp" line="64"/>
        <source>Waiting since</source>
        <translation>En espera desde</translation>
    </message>
    <message>
        <location filename="../app/desktop/WaitlistPanel.cpp" line="69"/>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <location filename="../app/desktop/WaitlistPanel.cpp" line="84"/>
        <source>Fits the selected time</source>
        <translation>Encajan en el horario seleccionado</translation>
    </message>
    <message>
        <location filename="../app/desktop/WaitlistPanel.cpp" line="147"/>
        <source>(not shown)</source>
        <translation>(no se muestra)</translation>
    </message>
    <message>
        <location filename="../app/desktop/WaitlistPanel.cpp" line="155"/>
        <source>%1: %2, held until %3</source>
        <translation>%1: %2, reservado hasta las %3</translation>
    </message>
    <message>
        <location filename="../app/desktop/WaitlistPanel.cpp" line="167"/>
        <source>The waitlist cannot be read from the local copy: %1</source>
        <translation>No se puede leer la lista de espera de la copia local: %1</translation>
    </message>
    <message>
        <location filename="../app/desktop/WaitlistPanel.cpp" line="183"/>
        <source>Any provider</source>
        <translation>Cualquier profesional</translation>
    </message>
    <message>
        <location filename="../app/desktop/WaitlistPanel.cpp" line="185"/>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <location filename="../app/desktop/WaitlistPanel.cpp" line="189"/>
        <source>not yet sent</source>
        <translation>aún no enviada</translation>
    </message>
    <message>
        <location filename="../app/desktop/WaitlistPanel.cpp" line="252"/>
        <source>Click a free time in a provider&apos;s column to see who on the waitlist fits it.</source>
        <translation>Haga clic en un horario libre de la columna de un profesional para ver quién de la lista de espera encaja.</translation>
    </message>
    <message>
        <location filename="../app/desktop/WaitlistPanel.cpp" line="268"/>
        <source>That time is booked.</source>
        <translation>Ese horario está ocupado.</translation>
    </message>
    <message>
        <location filename="../app/desktop/WaitlistPanel.cpp" line="281"/>
        <source>That time is held for a waitlist client until %1.</source>
        <translation>Ese horario está reservado para un paciente de la lista de espera hasta las %1.</translation>
    </message>
    <message>
        <location filename="../app/desktop/WaitlistPanel.cpp" line="310"/>
        <source>Nobody on the waitlist fits %1 with %2.</source>
        <translation>Nadie de la lista de espera encaja en %1 con %2.</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/desktop/WaitlistPanel.cpp" line="313"/>
        <source>%n waiting client(s) fit %1 with %2, best first:</source>
        <translation>
            <numerusform>%n paciente en espera encaja en %1 con %2:</numerusform>
            <numerusform>%n pacientes en espera encajan en %1 con %2, los mejores primero:</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/desktop/WaitlistPanel.cpp" line="343"/>
        <source>The waitlist entry</source>
        <translation>La entrada de la lista de espera</translation>
    </message>
    <message>
        <location filename="../app/desktop/WaitlistPanel.cpp" line="343"/>
        <source>The change</source>
        <translation>El cambio</translation>
    </message>
    <message>
        <location filename="../app/desktop/WaitlistPanel.cpp" line="347"/>
        <source>Added to the waitlist</source>
        <translation>Añadido a la lista de espera</translation>
    </message>
    <message>
        <location filename="../app/desktop/WaitlistPanel.cpp" line="347"/>
        <source>Waitlist entry saved</source>
        <translation>Entrada de la lista de espera guardada</translation>
    </message>
    <message>
        <location filename="../app/desktop/WaitlistPanel.cpp" line="371"/>
        <source>The removal</source>
        <translation>La baja</translation>
    </message>
    <message>
        <location filename="../app/desktop/WaitlistPanel.cpp" line="375"/>
        <source>Removed from the waitlist: %1</source>
        <translation>Quitado de la lista de espera: %1</translation>
    </message>
    <message>
        <location filename="../app/desktop/WaitlistPanel.cpp" line="385"/>
        <source>Releasing the hold</source>
        <translation>La liberación de la reserva</translation>
    </message>
    <message>
        <location filename="../app/desktop/WaitlistPanel.cpp" line="389"/>
        <source>Hold released: the time can be booked</source>
        <translation>Reserva liberada: ya se puede citar en ese horario</translation>
    </message>
    <message>
        <location filename="../app/desktop/WaitlistPanel.cpp" line="412"/>
        <source>Booking from the waitlist</source>
        <translation>La cita desde la lista de espera</translation>
    </message>
    <message>
        <location filename="../app/desktop/WaitlistPanel.cpp" line="417"/>
        <source>Marking the entry booked</source>
        <translation>Marcar la entrada como citada</translation>
    </message>
    <message>
        <location filename="../app/desktop/WaitlistPanel.cpp" line="420"/>
        <source>Booked %1 from the waitlist, %2</source>
        <translation>Citado %1 desde la lista de espera, %2</translation>
    </message>
    <message>
        <location filename="../app/desktop/WaitlistPanel.cpp" line="432"/>
        <source>Not saved</source>
        <translation>No guardado</translation>
    </message>
    <message>
        <location filename="../app/desktop/WaitlistPanel.cpp" line="433"/>
        <source>%1 was not saved:
%2</source>
        <translation>%1 no se ha guardado:
%2</translation>
    </message>
</context>
<context>
    <name>mss::sync::LocalWaitlist</name>
    <message>
        <location filename="../core/sync/LocalWaitlist.cpp" line="83"/>
        <source>no such waitlist entry</source>
        <translation>no existe esa entrada de la lista de espera</translation>
    </message>
    <message>
        <location filename="../core/sync/LocalWaitlist.cpp" line="112"/>
        <source>Change waitlist entry</source>
        <translation>Cambiar entrada de la lista de espera</translation>
    </message>
    <message>
        <location filename="../core/sync/LocalWaitlist.cpp" line="129"/>
        <source>Add to waitlist</source>
        <translation>Añadir a la lista de espera</translation>
    </message>
    <message>
        <location filename="../core/sync/LocalWaitlist.cpp" line="168"/>
        <source>Remove from waitlist</source>
        <translation>Quitar de la lista de espera</translation>
    </message>
    <message>
        <location filename="../core/sync/LocalWaitlist.cpp" line="180"/>
        <source>this entry holds no slot</source>
        <translation>esta entrada no reserva ningún horario</translation>
    </message>
    <message>
        <location filename="../core/sync/LocalWaitlist.cpp" line="188"/>
        <source>Release hold</source>
        <translation>Liberar reserva</translation>
    </message>
    <message>
        <location filename="../core/sync/LocalWaitlist.cpp" line="202"/>
        <source>Book from waitlist</source>
        <translation>Citar desde la lista de espera</translation>
    </message>
</context>
<context>
    <name>mss::ui::AppointmentCard</name>
    <message>
        <location filename="../ui/AppointmentCard.cpp" line="258"/>
        <source>No-show</source>
        <translation>No asistió</translation>
    </message>
</context>
<context>
    <name>mss::ui::AppointmentDialog</name>
    <message numerus="yes">
        <location filename="../ui/AppointmentDialog.cpp" line="56"/>
        <source>%n week(s) before</source>
        <translation>
            <numerusform>%n semana antes</numerusform>
            <numerusform>%n semanas antes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/AppointmentDialog.cpp" line="58"/>
        <source>%n day(s) before</source>
        <translation>
            <numerusform>%n día antes</numerusform>
            <numerusform>%n días antes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/AppointmentDialog.cpp" line="60"/>
        <source>%n hour(s) before</source>
        <translation>
            <numerusform>%n hora antes</numerusform>
            <numerusform>%n horas antes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/AppointmentDialog.cpp" line="61"/>
        <source>%n minute(s) before</source>
        <translation>
            <numerusform>%n minuto antes</numerusform>
            <numerusform>%n minutos antes</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/AppointmentDialog.cpp" line="94"/>
        <source>Email</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <location filename="../ui/AppointmentDialog.cpp" line="96"/>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <location filename="../ui/AppointmentDialog.cpp" line="106"/>
        <location filename="../ui/AppointmentDialog.cpp" line="358"/>
        <source>New appointment</source>
        <translation>Nueva cita</translation>
    </message>
    <message>
        <location filename="../ui/AppointmentDialog.cpp" line="114"/>
        <source>Type a client&apos;s name</source>
        <translation>Escriba el nombre de un paciente</translation>
    </message>
    <message>
        <location filename="../ui/AppointmentDialog.cpp" line="123"/>
        <source>%1 (%2 min)</source>
        <translation>%1 (%2 min)</translation>
    </message>
    <message>
        <location filename="../ui/AppointmentDialog.cpp" line="134"/>
        <source>Start time</source>
        <translation>Hora de inicio</translation>
    </message>
    <message>
        <location filename="../ui/AppointmentDialog.cpp" line="142"/>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location filename="../ui/AppointmentDialog.cpp" line="143"/>
        <source>https://</source>
        <translation>https://</translation>
    </message>
    <message>
        <location filename="../ui/AppointmentDialog.cpp" line="145"/>
        <source>Visible to staff only</source>
        <translation>Visible solo para el personal</translation>
    </message>
    <message>
        <location filename="../ui/AppointmentDialog.cpp" line="153"/>
        <source>Next &amp;open slot</source>
        <translation>Próximo &amp;hueco libre</translation>
    </message>
    <message>
        <location filename="../ui/AppointmentDialog.cpp" line="154"/>
        <source>Move to the provider&apos;s next open slot of this length</source>
        <translation>Mover al próximo hueco libre del profesional con esta duración</translation>
    </message>
    <message>
        <location filename="../ui/AppointmentDialog.cpp" line="159"/>
        <source>+ &amp;New client…</source>
        <translation>+ &amp;Nuevo paciente…</translation>
    </message>
    <message>
        <location filename="../ui/AppointmentDialog.cpp" line="161"/>
        <source>Add the client you typed to the practice</source>
        <translation>Añadir a la consulta el paciente que ha escrito</translation>
    </message>
    <message>
        <location filename="../ui/AppointmentDialog.cpp" line="179"/>
        <source>&amp;Client:</source>
        <translation>&amp;Paciente:</translation>
    </message>
    <message>
        <location filename="../ui/AppointmentDialog.cpp" line="181"/>
        <source>&amp;When:</source>
        <translation>&amp;Cuándo:</translation>
    </message>
    <message>
        <location filename="../ui/AppointmentDialog.cpp" line="184"/>
        <source>&amp;Provider:</source>
        <translation>P&amp;rofesional:</translation>
    </message>
    <message>
        <location filename="../ui/AppointmentDialog.cpp" line="185"/>
        <source>&amp;Type:</source>
        <translation>&amp;Tipo:</translation>
    </message>
    <message>
        <location filename="../ui/AppointmentDialog.cpp" line="187"/>
        <source>&amp;Location:</source>
        <translation>&amp;Lugar:</translation>
    </message>
    <message>
        <location filename="../ui/AppointmentDialog.cpp" line="188"/>
        <source>Meeting &amp;link:</source>
        <translation>&amp;Enlace de la reunión:</translation>
    </message>
    <message>
        <location filename="../ui/AppointmentDialog.cpp" line="189"/>
        <source>Meeting pass&amp;word:</source>
        <translation>Contra&amp;seña de la reunión:</translation>
    </message>
    <message>
        <location filename="../ui/AppointmentDialog.cpp" line="190"/>
        <source>&amp;Notes:</source>
        <translation>&amp;Notas:</translation>
    </message>
    <message>
        <location filename="../ui/AppointmentDialog.cpp" line="192"/>
        <source>Reminders</source>
        <translation>Recordatorios</translation>
    </message>
    <message>
        <location filename="../ui/AppointmentDialog.cpp" line="203"/>
        <location filename="../ui/AppointmentDialog.cpp" line="359"/>
        <source>&amp;Book</source>
        <translation>&amp;Reservar</translation>
    </message>
    <message>
        <location filename="../ui/AppointmentDialog.cpp" line="206"/>
        <source>&amp;Repeat…</source>
        <translation>&amp;Repetir…</translation>
    </message>
    <message>
        <location filename="../ui/AppointmentDialog.cpp" line="207"/>
        <source>Book this as the first of a weekly or monthly series</source>
        <translation>Reservar esta cita como la primera de una serie semanal o mensual</translation>
    </message>
    <message>
        <location filename="../ui/AppointmentDialog.cpp" line="255"/>
        <source>%1 (born %2)</source>
        <translation>%1 (nac. %2)</translation>
    </message>
    <message>
        <location filename="../ui/AppointmentDialog.cpp" line="260"/>
        <location filename="../ui/AppointmentDialog.cpp" line="261"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../ui/AppointmentDialog.cpp" line="288"/>
        <source>Choose a provider</source>
        <translation>Elija un profesional</translation>
    </message>
    <message>
        <location filename="../ui/AppointmentDialog.cpp" line="327"/>
        <source>No open time of %1 min found for %2.</source>
        <translation>No se encontró ningún hueco libre de %1 min para %2.</translation>
    </message>
    <message>
        <location filename="../ui/AppointmentDialog.cpp" line="375"/>
        <source>Edit appointment</source>
        <translation>Editar cita</translation>
    </message>
    <message>
        <location filename="../ui/AppointmentDialog.cpp" line="376"/>
        <source>&amp;Save</source>
        <translation>&amp;Guardar</translation>
    </message>
    <message>
        <location filename="../ui/AppointmentDialog.cpp" line="457"/>
        <source>Start typing to search clients</source>
        <translation>Empiece a escribir para buscar pacientes</translation>
    </message>
    <message>
        <location filename="../ui/AppointmentDialog.cpp" line="463"/>
        <location filename="../ui/AppointmentDialog.cpp" line="469"/>
        <source>No client matches &quot;%1&quot;</source>
        <translation>Ningún paciente coincide con «%1»</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/AppointmentDialog.cpp" line="464"/>
        <source>%n client(s) match: pick one from the list</source>
        <translation>
            <numerusform>%n paciente coincide: elíjalo de la lista</numerusform>
            <numerusform>%n pacientes coinciden: elija uno de la lista</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/AppointmentDialog.cpp" line="546"/>
        <source>This time is already taken:</source>
        <translation>Esta hora ya está ocupada:</translation>
    </message>
    <message>
        <location filename="../ui/AppointmentDialog.cpp" line="556"/>
        <source>the provider&apos;s appointment %1-%2</source>
        <translation>la cita del profesional %1-%2</translation>
    </message>
    <message>
        <location filename="../ui/AppointmentDialog.cpp" line="557"/>
        <source>the client&apos;s appointment %1-%2</source>
        <translation>la cita del paciente %1-%2</translation>
    </message>
    <message>
        <location filename="../ui/AppointmentDialog.cpp" line="564"/>
        <source>%1 is not available at this time, and this practice does not book outside availability.</source>
        <translation>%1 no está disponible a esta hora y este centro no reserva fuera de la disponibilidad.</translation>
    </message>
    <message>
        <location filename="../ui/AppointmentDialog.cpp" line="567"/>
        <source>%1 is not available at this time. You can still book it.</source>
        <translation>%1 no está disponible a esta hora. Aun así puede reservarla.</translation>
    </message>
</context>
<context>
    <name>mss::ui::AppointmentSearchField</name>
    <message>
        <location filename="../ui/AppointmentSearchField.cpp" line="24"/>
        <source>Find a client&apos;s appointment (Ctrl+F)</source>
        <translation>Buscar la cita de un paciente (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../ui/AppointmentSearchField.cpp" line="31"/>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <location filename="../ui/AppointmentSearchField.cpp" line="31"/>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <location filename="../ui/AppointmentSearchField.cpp" line="31"/>
        <source>Client</source>
        <translation>Paciente</translation>
    </message>
    <message>
        <location filename="../ui/AppointmentSearchField.cpp" line="31"/>
        <source>Provider</source>
        <translation>Profesional</translation>
    </message>
    <message>
        <location filename="../ui/AppointmentSearchField.cpp" line="31"/>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location filename="../ui/AppointmentSearchField.cpp" line="68"/>
        <source>No appointment of a client named “%1”</source>
        <translation>Ninguna cita de un paciente llamado «%1»</translation>
    </message>
</context>
<context>
    <name>mss::ui::AppointmentTypes</name>
    <message>
        <location filename="../ui/AppointmentTypes.cpp" line="60"/>
        <source>Initial Assessment</source>
        <translation>Evaluación inicial</translation>
    </message>
    <message>
        <location filename="../ui/AppointmentTypes.cpp" line="62"/>
        <source>Individual Therapy</source>
        <translation>Terapia individual</translation>
    </message>
    <message>
        <location filename="../ui/AppointmentTypes.cpp" line="64"/>
        <source>Group Therapy</source>
        <translation>Terapia de grupo</translation>
    </message>
    <message>
        <location filename="../ui/AppointmentTypes.cpp" line="66"/>
        <source>Couples Therapy</source>
        <translation>Terapia de pareja</translation>
    </message>
    <message>
        <location filename="../ui/AppointmentTypes.cpp" line="68"/>
        <source>Family Therapy</source>
        <translation>Terapia familiar</translation>
    </message>
    <message>
        <location filename="../ui/AppointmentTypes.cpp" line="70"/>
        <source>Medication Management</source>
        <translation>Control de medicación</translation>
    </message>
    <message>
        <location filename="../ui/AppointmentTypes.cpp" line="72"/>
        <source>Consultation</source>
        <translation>Consulta</translation>
    </message>
    <message>
        <location filename="../ui/AppointmentTypes.cpp" line="74"/>
        <location filename="../ui/AppointmentTypes.cpp" line="108"/>
        <source>Other</source>
        <translation>Otro</translation>
    </message>
    <message>
        <location filename="../ui/AppointmentTypes.cpp" line="82"/>
        <source>Scheduled</source>
        <translation>Programada</translation>
    </message>
    <message>
        <location filename="../ui/AppointmentTypes.cpp" line="84"/>
        <source>Confirmed</source>
        <translation>Confirmada</translation>
    </message>
    <message>
        <location filename="../ui/AppointmentTypes.cpp" line="86"/>
        <source>Completed</source>
        <translation>Realizada</translation>
    </message>
    <message>
        <location filename="../ui/AppointmentTypes.cpp" line="88"/>
        <source>Cancelled</source>
        <translation>Cancelada</translation>
    </message>
    <message>
        <location filename="../ui/AppointmentTypes.cpp" line="90"/>
        <source>No-show</source>
        <translation>No asistió</translation>
    </message>
    <message>
        <location filename="../ui/AppointmentTypes.cpp" line="92"/>
        <source>Rescheduled</source>
        <translation>Reprogramada</translation>
    </message>
    <message>
        <location filename="../ui/AppointmentTypes.cpp" line="100"/>
        <source>Office</source>
        <translation>Consulta</translation>
    </message>
    <message>
        <location filename="../ui/AppointmentTypes.cpp" line="102"/>
        <source>Virtual</source>
        <translation>En línea</translation>
    </message>
    <message>
        <location filename="../ui/AppointmentTypes.cpp" line="104"/>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <location filename="../ui/AppointmentTypes.cpp" line="106"/>
        <source>Home visit</source>
        <translation>Visita a domicilio</translation>
    </message>
    <message>
        <location filename="../ui/AppointmentTypes.cpp" line="116"/>
        <source>Not sent</source>
        <translation>No enviado</translation>
    </message>
    <message>
        <location filename="../ui/AppointmentTypes.cpp" line="118"/>
        <source>Reminder sent</source>
        <translation>Recordatorio enviado</translation>
    </message>
    <message>
        <location filename="../ui/AppointmentTypes.cpp" line="120"/>
        <source>Confirmed by client</source>
        <translation>Confirmada por el paciente</translation>
    </message>
    <message>
        <location filename="../ui/AppointmentTypes.cpp" line="122"/>
        <source>Declined by client</source>
        <translation>Rechazada por el paciente</translation>
    </message>
</context>
<context>
    <name>mss::ui::AvailabilityEditor</name>
    <message>
        <location filename="../ui/AvailabilityEditor.cpp" line="32"/>
        <source>until</source>
        <translation>hasta</translation>
    </message>
    <message>
        <location filename="../ui/AvailabilityEditor.cpp" line="38"/>
        <source>All day</source>
        <translation>Todo el día</translation>
    </message>
    <message>
        <location filename="../ui/AvailabilityEditor.cpp" line="43"/>
        <source>&amp;Add</source>
        <translation>&amp;Añadir</translation>
    </message>
    <message>
        <location filename="../ui/AvailabilityEditor.cpp" line="44"/>
        <source>&amp;Remove</source>
        <translation>&amp;Quitar</translation>
    </message>
    <message>
        <location filename="../ui/AvailabilityEditor.cpp" line="52"/>
        <source>Open hours</source>
        <translation>Horario de atención</translation>
    </message>
    <message>
        <location filename="../ui/AvailabilityEditor.cpp" line="53"/>
        <source>Unavailable</source>
        <translation>No disponible</translation>
    </message>
    <message>
        <location filename="../ui/AvailabilityEditor.cpp" line="54"/>
        <source>Office or virtual</source>
        <translation>Consulta o en línea</translation>
    </message>
    <message>
        <location filename="../ui/AvailabilityEditor.cpp" line="55"/>
        <source>Office</source>
        <translation>Consulta</translation>
    </message>
    <message>
        <location filename="../ui/AvailabilityEditor.cpp" line="56"/>
        <source>Virtual</source>
        <translation>En línea</translation>
    </message>
    <message>
        <location filename="../ui/AvailabilityEditor.cpp" line="57"/>
        <source>Other location</source>
        <translation>Otro lugar</translation>
    </message>
    <message>
        <location filename="../ui/AvailabilityEditor.cpp" line="67"/>
        <source>Time off</source>
        <translation>Ausencia</translation>
    </message>
    <message>
        <location filename="../ui/AvailabilityEditor.cpp" line="68"/>
        <source>Extra hours</source>
        <translation>Horas adicionales</translation>
    </message>
    <message>
        <location filename="../ui/AvailabilityEditor.cpp" line="69"/>
        <source>Note (optional)</source>
        <translation>Nota (opcional)</translation>
    </message>
    <message>
        <location filename="../ui/AvailabilityEditor.cpp" line="72"/>
        <source>Drag on the week to add:</source>
        <translation>Arrastre sobre la semana para añadir:</translation>
    </message>
    <message>
        <location filename="../ui/AvailabilityEditor.cpp" line="75"/>
        <source>effective from</source>
        <translation>vigente desde</translation>
    </message>
    <message>
        <location filename="../ui/AvailabilityEditor.cpp" line="81"/>
        <source>Time off and one-off changes</source>
        <translation>Ausencias y cambios puntuales</translation>
    </message>
    <message>
        <location filename="../ui/AvailabilityEditor.cpp" line="142"/>
        <source>Availability of %1</source>
        <translation>Disponibilidad de %1</translation>
    </message>
    <message>
        <location filename="../ui/AvailabilityEditor.cpp" line="176"/>
        <source>all day</source>
        <translation>todo el día</translation>
    </message>
    <message>
        <location filename="../ui/AvailabilityEditor.cpp" line="179"/>
        <source>%1, %2: %3</source>
        <translation>%1, %2: %3</translation>
    </message>
    <message>
        <location filename="../ui/AvailabilityEditor.cpp" line="179"/>
        <source>extra hours</source>
        <translation>horas adicionales</translation>
    </message>
    <message>
        <location filename="../ui/AvailabilityEditor.cpp" line="179"/>
        <source>time off</source>
        <translation>ausencia</translation>
    </message>
    <message>
        <location filename="../ui/AvailabilityEditor.cpp" line="261"/>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/AvailabilityEditor.cpp" line="263"/>
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 y %n más</numerusform>
            <numerusform>%1 y %n más</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/AvailabilityEditor.cpp" line="265"/>
        <source>%n appointment(s) booked in this time off: %1</source>
        <translation>
            <numerusform>%n cita reservada en esta ausencia: %1</numerusform>
            <numerusform>%n citas reservadas en esta ausencia: %1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/AvailabilityEditor.cpp" line="266"/>
        <source>&amp;Open it</source>
        <translation>&amp;Abrirla</translation>
    </message>
    <message>
        <location filename="../ui/AvailabilityEditor.cpp" line="266"/>
        <source>&amp;Open the first</source>
        <translation>&amp;Abrir la primera</translation>
    </message>
    <message>
        <location filename="../ui/AvailabilityEditor.cpp" line="267"/>
        <source>Open an appointment booked in this time off, to move or cancel it</source>
        <translation>Abrir una cita reservada en esta ausencia para moverla o cancelarla</translation>
    </message>
</context>
<context>
    <name>mss::ui::CalendarModel</name>
    <message>
        <location filename="../ui/CalendarModel.cpp" line="118"/>
        <location filename="../ui/CalendarModel.cpp" line="223"/>
        <location filename="../ui/CalendarModel.cpp" line="243"/>
        <source>Busy</source>
        <translation>Ocupado</translation>
    </message>
    <message>
        <location filename="../ui/CalendarModel.cpp" line="167"/>
        <source>Unknown provider</source>
        <translation>Profesional desconocido</translation>
    </message>
    <message>
        <location filename="../ui/CalendarModel.cpp" line="174"/>
        <source>Client</source>
        <translation>Paciente</translation>
    </message>
    <message>
        <location filename="../ui/CalendarModel.cpp" line="204"/>
        <location filename="../ui/CalendarModel.cpp" line="219"/>
        <source>same provider</source>
        <translation>mismo profesional</translation>
    </message>
    <message>
        <location filename="../ui/CalendarModel.cpp" line="205"/>
        <location filename="../ui/CalendarModel.cpp" line="220"/>
        <source>same client</source>
        <translation>mismo paciente</translation>
    </message>
    <message>
        <location filename="../ui/CalendarModel.cpp" line="208"/>
        <source>Another appointment, %1 (%2)</source>
        <translation>Otra cita, %1 (%2)</translation>
    </message>
    <message>
        <location filename="../ui/CalendarModel.cpp" line="222"/>
        <source>%1 with %2, %3 (%4)</source>
        <translation>%1 con %2, %3 (%4)</translation>
    </message>
    <message>
        <location filename="../ui/CalendarModel.cpp" line="224"/>
        <source>%1, %2 with %3, %4 (%5)</source>
        <translation>%1, %2 con %3, %4 (%5)</translation>
    </message>
    <message>
        <location filename="../ui/CalendarModel.cpp" line="258"/>
        <source>%1 - %2</source>
        <translation>%1 - %2</translation>
    </message>
    <message>
        <location filename="../ui/CalendarModel.cpp" line="260"/>
        <source>%1
%2 with %3
%4</source>
        <translation>%1
%2 con %3
%4</translation>
    </message>
    <message>
        <location filename="../ui/CalendarModel.cpp" line="266"/>
        <source>Not yet sent to the server</source>
        <translation>Aún no enviado al servidor</translation>
    </message>
</context>
<context>
    <name>mss::ui::CalendarWidget</name>
    <message>
        <location filename="../ui/CalendarWidget.cpp" line="53"/>
        <source>&amp;Location:</source>
        <translation>&amp;Lugar:</translation>
    </message>
    <message>
        <location filename="../ui/CalendarWidget.cpp" line="56"/>
        <source>All locations</source>
        <translation>Todos los lugares</translation>
    </message>
    <message>
        <location filename="../ui/CalendarWidget.cpp" line="364"/>
        <location filename="../ui/CalendarWidget.cpp" line="366"/>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
</context>
<context>
    <name>mss::ui::CancelDialog</name>
    <message>
        <location filename="../ui/CancelDialog.cpp" line="21"/>
        <source>Cancel appointment</source>
        <translation>Cancelar cita</translation>
    </message>
    <message>
        <location filename="../ui/CancelDialog.cpp" line="31"/>
        <source>Client request</source>
        <translation>A petición del paciente</translation>
    </message>
    <message>
        <location filename="../ui/CancelDialog.cpp" line="31"/>
        <source>Client illness</source>
        <translation>Enfermedad del paciente</translation>
    </message>
    <message>
        <location filename="../ui/CancelDialog.cpp" line="31"/>
        <source>Provider unavailable</source>
        <translation>Profesional no disponible</translation>
    </message>
    <message>
        <location filename="../ui/CancelDialog.cpp" line="32"/>
        <source>Scheduling conflict</source>
        <translation>Conflicto de agenda</translation>
    </message>
    <message>
        <location filename="../ui/CancelDialog.cpp" line="32"/>
        <source>Weather or emergency</source>
        <translation>Meteorología o emergencia</translation>
    </message>
    <message>
        <location filename="../ui/CancelDialog.cpp" line="34"/>
        <source>Required</source>
        <translation>Obligatorio</translation>
    </message>
    <message>
        <location filename="../ui/CancelDialog.cpp" line="49"/>
        <source>&amp;Reason:</source>
        <translation>&amp;Motivo:</translation>
    </message>
    <message>
        <location filename="../ui/CancelDialog.cpp" line="50"/>
        <source>Cancellation &amp;fee:</source>
        <translation>Cargo por &amp;cancelación:</translation>
    </message>
    <message>
        <location filename="../ui/CancelDialog.cpp" line="54"/>
        <source>Cancel &amp;appointment</source>
        <translation>&amp;Cancelar la cita</translation>
    </message>
    <message>
        <location filename="../ui/CancelDialog.cpp" line="55"/>
        <source>&amp;Keep appointment</source>
        <translation>&amp;Mantener la cita</translation>
    </message>
    <message>
        <location filename="../ui/CancelDialog.cpp" line="98"/>
        <source>The appointment has already started.</source>
        <translation>La cita ya ha empezado.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/CancelDialog.cpp" line="99"/>
        <source>It starts in %n min.</source>
        <translation>
            <numerusform>Empieza dentro de %n min.</numerusform>
            <numerusform>Empieza dentro de %n min.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/CancelDialog.cpp" line="100"/>
        <source>It starts in %1 h %2 min.</source>
        <translation>Empieza dentro de %1 h %2 min.</translation>
    </message>
    <message>
        <location filename="../ui/CancelDialog.cpp" line="103"/>
        <source>Late cancellation: less than %1 hours before the start. %2</source>
        <translation>Cancelación tardía: menos de %1 horas antes del inicio. %2</translation>
    </message>
</context>
<context>
    <name>mss::ui::CancelledDialog</name>
    <message>
        <location filename="../ui/CancelledDialog.cpp" line="21"/>
        <source>Cancelled appointment</source>
        <translation>Cita cancelada</translation>
    </message>
    <message>
        <location filename="../ui/CancelledDialog.cpp" line="35"/>
        <source>Status:</source>
        <translation>Estado:</translation>
    </message>
    <message>
        <location filename="../ui/CancelledDialog.cpp" line="36"/>
        <source>Reason:</source>
        <translation>Motivo:</translation>
    </message>
    <message>
        <location filename="../ui/CancelledDialog.cpp" line="37"/>
        <source>Cancellation fee:</source>
        <translation>Cargo por cancelación:</translation>
    </message>
    <message>
        <location filename="../ui/CancelledDialog.cpp" line="40"/>
        <source>&amp;Reinstate</source>
        <translation>&amp;Restablecer</translation>
    </message>
    <message>
        <location filename="../ui/CancelledDialog.cpp" line="41"/>
        <source>Book it again at the same time, as Scheduled</source>
        <translation>Volver a reservarla a la misma hora, como Programada</translation>
    </message>
    <message>
        <location filename="../ui/CancelledDialog.cpp" line="72"/>
        <source>None given</source>
        <translation>No se indicó</translation>
    </message>
    <message>
        <location filename="../ui/CancelledDialog.cpp" line="75"/>
        <source>No fee</source>
        <translation>Sin cargo</translation>
    </message>
    <message>
        <location filename="../ui/CancelledDialog.cpp" line="80"/>
        <source>It cannot be reinstated: its time is taken now by %1. Book a new time instead.</source>
        <translation>No se puede restablecer: su horario lo ocupa ahora %1. Reserve otra hora.</translation>
    </message>
</context>
<context>
    <name>mss::ui::DaySheet</name>
    <message>
        <location filename="../ui/DaySheet.cpp" line="94"/>
        <source>Day sheet: %1</source>
        <translation>Hoja del día: %1</translation>
    </message>
    <message>
        <location filename="../ui/DaySheet.cpp" line="99"/>
        <source>%1 (times in %2)</source>
        <translation>%1 (horas en %2)</translation>
    </message>
    <message>
        <location filename="../ui/DaySheet.cpp" line="118"/>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <location filename="../ui/DaySheet.cpp" line="118"/>
        <source>Client</source>
        <translation>Paciente</translation>
    </message>
    <message>
        <location filename="../ui/DaySheet.cpp" line="118"/>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <location filename="../ui/DaySheet.cpp" line="119"/>
        <source>Location</source>
        <translation>Lugar</translation>
    </message>
    <message>
        <location filename="../ui/DaySheet.cpp" line="119"/>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location filename="../ui/DaySheet.cpp" line="163"/>
        <source>No appointments.</source>
        <translation>No hay citas.</translation>
    </message>
    <message>
        <location filename="../ui/DaySheet.cpp" line="175"/>
        <source>Day sheet</source>
        <translation>Hoja del día</translation>
    </message>
</context>
<context>
    <name>mss::ui::DayView</name>
    <message>
        <location filename="../ui/DayView.cpp" line="25"/>
        <source>All providers</source>
        <translation>Todos los profesionales</translation>
    </message>
</context>
<context>
    <name>mss::ui::EditScopeDialog</name>
    <message>
        <location filename="../ui/EditScopeDialog.cpp" line="12"/>
        <source>&amp;This occurrence only</source>
        <translation>&amp;Solo esta cita</translation>
    </message>
    <message>
        <location filename="../ui/EditScopeDialog.cpp" line="13"/>
        <source>This and &amp;following occurrences</source>
        <translation>Esta y las &amp;siguientes</translation>
    </message>
    <message>
        <location filename="../ui/EditScopeDialog.cpp" line="14"/>
        <source>&amp;All occurrences of the series</source>
        <translation>&amp;Todas las citas de la serie</translation>
    </message>
    <message>
        <location filename="../ui/EditScopeDialog.cpp" line="15"/>
        <source>Recurring appointment</source>
        <translation>Cita periódica</translation>
    </message>
    <message>
        <location filename="../ui/EditScopeDialog.cpp" line="16"/>
        <source>This appointment is part of a series. Which occurrences do you want to %1?</source>
        <translation>Esta cita forma parte de una serie. ¿Qué citas desea %1?</translation>
    </message>
</context>
<context>
    <name>mss::ui::LocalText</name>
    <message>
        <location filename="../ui/LocalText.cpp" line="20"/>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/LocalText.cpp" line="33"/>
        <source>until %1</source>
        <comment>an end time</comment>
        <translation>
            <numerusform>hasta la %1</numerusform>
            <numerusform>hasta las %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mss::ui::MiniMonth</name>
    <message>
        <location filename="../ui/MiniMonth.cpp" line="12"/>
        <source>Month</source>
        <translation>Mes</translation>
    </message>
</context>
<context>
    <name>mss::ui::MonthView</name>
    <message>
        <location filename="../ui/MonthView.cpp" line="194"/>
        <source>%1 (no-show)</source>
        <translation>%1 (no asistió)</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/MonthView.cpp" line="211"/>
        <source>+%n more</source>
        <translation>
            <numerusform>+%n más</numerusform>
            <numerusform>+%n más</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mss::ui::NavigationBar</name>
    <message>
        <location filename="../ui/NavigationBar.cpp" line="57"/>
        <source>Today</source>
        <translation>Hoy</translation>
    </message>
    <message>
        <location filename="../ui/NavigationBar.cpp" line="57"/>
        <source>Go to today (T)</source>
        <translation>Ir a hoy (T)</translation>
    </message>
    <message>
        <location filename="../ui/NavigationBar.cpp" line="59"/>
        <source>Previous</source>
        <translation>Anterior</translation>
    </message>
    <message>
        <location filename="../ui/NavigationBar.cpp" line="59"/>
        <source>Previous (Left arrow)</source>
        <translation>Anterior (flecha izquierda)</translation>
    </message>
    <message>
        <location filename="../ui/NavigationBar.cpp" line="60"/>
        <source>Next</source>
        <translation>Siguiente</translation>
    </message>
    <message>
        <location filename="../ui/NavigationBar.cpp" line="60"/>
        <source>Next (Right arrow)</source>
        <translation>Siguiente (flecha derecha)</translation>
    </message>
    <message>
        <location filename="../ui/NavigationBar.cpp" line="82"/>
        <source>Go to a date (Up and Down move a day)</source>
        <translation>Ir a una fecha (Arriba y Abajo mueven un día)</translation>
    </message>
    <message>
        <location filename="../ui/NavigationBar.cpp" line="83"/>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <location filename="../ui/NavigationBar.cpp" line="87"/>
        <source>Provider shown</source>
        <translation>Profesional mostrado</translation>
    </message>
    <message>
        <location filename="../ui/NavigationBar.cpp" line="88"/>
        <source>Provider</source>
        <translation>Profesional</translation>
    </message>
    <message>
        <location filename="../ui/NavigationBar.cpp" line="93"/>
        <source>Day</source>
        <translation>Día</translation>
    </message>
    <message>
        <location filename="../ui/NavigationBar.cpp" line="94"/>
        <source>Week</source>
        <translation>Semana</translation>
    </message>
    <message>
        <location filename="../ui/NavigationBar.cpp" line="95"/>
        <source>Providers</source>
        <translation>Profesionales</translation>
    </message>
    <message>
        <location filename="../ui/NavigationBar.cpp" line="96"/>
        <source>Month</source>
        <translation>Mes</translation>
    </message>
    <message>
        <location filename="../ui/NavigationBar.cpp" line="99"/>
        <source>%1 view</source>
        <translation>Vista %1</translation>
    </message>
    <message>
        <location filename="../ui/NavigationBar.cpp" line="109"/>
        <source>Zoom out</source>
        <translation>Reducir</translation>
    </message>
    <message>
        <location filename="../ui/NavigationBar.cpp" line="109"/>
        <source>Zoom out (Ctrl+Minus)</source>
        <translation>Reducir (Ctrl+Menos)</translation>
    </message>
    <message>
        <location filename="../ui/NavigationBar.cpp" line="111"/>
        <source>Zoom in</source>
        <translation>Ampliar</translation>
    </message>
    <message>
        <location filename="../ui/NavigationBar.cpp" line="111"/>
        <source>Zoom in (Ctrl+Plus)</source>
        <translation>Ampliar (Ctrl+Más)</translation>
    </message>
    <message>
        <location filename="../ui/NavigationBar.cpp" line="161"/>
        <source>All providers</source>
        <translation>Todos los profesionales</translation>
    </message>
</context>
<context>
    <name>mss::ui::NewClientDialog</name>
    <message>
        <location filename="../ui/NewClientDialog.cpp" line="27"/>
        <source>New client</source>
        <translation>Nuevo paciente</translation>
    </message>
    <message>
        <location filename="../ui/NewClientDialog.cpp" line="28"/>
        <source>(202) 555-0143 or +44 20 7946 0018</source>
        <translation>(202) 555-0143 o +44 20 7946 0018</translation>
    </message>
    <message>
        <location filename="../ui/NewClientDialog.cpp" line="29"/>
        <source>name@example.org</source>
        <translation>nombre@ejemplo.org</translation>
    </message>
    <message>
        <location filename="../ui/NewClientDialog.cpp" line="30"/>
        <source>YYYY-MM-DD</source>
        <translation>AAAA-MM-DD</translation>
    </message>
    <message>
        <location filename="../ui/NewClientDialog.cpp" line="40"/>
        <source>&amp;First name:</source>
        <translation>&amp;Nombre:</translation>
    </message>
    <message>
        <location filename="../ui/NewClientDialog.cpp" line="41"/>
        <source>&amp;Last name:</source>
        <translation>&amp;Apellidos:</translation>
    </message>
    <message>
        <location filename="../ui/NewClientDialog.cpp" line="42"/>
        <source>&amp;Phone:</source>
        <translation>&amp;Teléfono:</translation>
    </message>
    <message>
        <location filename="../ui/NewClientDialog.cpp" line="43"/>
        <source>&amp;Email:</source>
        <translation>Correo &amp;electrónico:</translation>
    </message>
    <message>
        <location filename="../ui/NewClientDialog.cpp" line="44"/>
        <source>&amp;Date of birth:</source>
        <translation>&amp;Fecha de nacimiento:</translation>
    </message>
    <message>
        <location filename="../ui/NewClientDialog.cpp" line="48"/>
        <source>&amp;Add client</source>
        <translation>&amp;Añadir paciente</translation>
    </message>
    <message>
        <location filename="../ui/NewClientDialog.cpp" line="81"/>
        <source>Type the date of birth as YYYY-MM-DD (%1 is not one).</source>
        <translation>Escriba la fecha de nacimiento como AAAA-MM-DD (%1 no lo es).</translation>
    </message>
    <message>
        <location filename="../ui/NewClientDialog.cpp" line="158"/>
        <source>%1 (born %2)</source>
        <translation>%1 (nac. %2)</translation>
    </message>
    <message>
        <location filename="../ui/NewClientDialog.cpp" line="159"/>
        <source>%1 has %2.</source>
        <translation>%1 tiene %2.</translation>
    </message>
    <message>
        <location filename="../ui/NewClientDialog.cpp" line="160"/>
        <source>Use %1</source>
        <translation>Usar %1</translation>
    </message>
    <message>
        <location filename="../ui/NewClientDialog.cpp" line="170"/>
        <source>This may be a client the practice has already:</source>
        <translation>Puede que sea un paciente que la consulta ya tiene:</translation>
    </message>
    <message>
        <location filename="../ui/NewClientDialog.cpp" line="172"/>
        <source>Use them instead, or add the new client anyway.</source>
        <translation>Úselo en su lugar, o añada el nuevo paciente de todos modos.</translation>
    </message>
    <message>
        <location filename="../ui/NewClientDialog.cpp" line="174"/>
        <source>&amp;Add anyway</source>
        <translation>&amp;Añadir de todos modos</translation>
    </message>
</context>
<context>
    <name>mss::ui::OfflineBanner</name>
    <message>
        <location filename="../ui/SyncStatusIndicator.cpp" line="105"/>
        <location filename="../ui/SyncStatusIndicator.cpp" line="128"/>
        <source>&amp;Retry now</source>
        <translation>&amp;Reintentar ahora</translation>
    </message>
    <message>
        <location filename="../ui/SyncStatusIndicator.cpp" line="128"/>
        <source>Trying…</source>
        <translation>Intentando…</translation>
    </message>
    <message>
        <location filename="../ui/SyncStatusIndicator.cpp" line="133"/>
        <source>Tried at %1: connected.</source>
        <translation>Último intento (%1): conectado.</translation>
    </message>
    <message>
        <location filename="../ui/SyncStatusIndicator.cpp" line="134"/>
        <source>Tried at %1: the server did not answer.</source>
        <translation>Último intento (%1): el servidor no respondió.</translation>
    </message>
    <message>
        <location filename="../ui/SyncStatusIndicator.cpp" line="148"/>
        <source>You are offline. Bookings and changes are kept on this computer and sent to the server when the connection returns; other desks do not see them until then.</source>
        <translation>Está sin conexión. Las reservas y los cambios se guardan en este equipo y se envían al servidor cuando vuelva la conexión; hasta entonces, los demás puestos no los ven.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/SyncStatusIndicator.cpp" line="152"/>
        <source>%n change(s) waiting.</source>
        <translation>
            <numerusform>%n cambio pendiente.</numerusform>
            <numerusform>%n cambios pendientes.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/SyncStatusIndicator.cpp" line="154"/>
        <source>Trying to reach the server…</source>
        <translation>Intentando conectar con el servidor…</translation>
    </message>
</context>
<context>
    <name>mss::ui::ProviderLegend</name>
    <message>
        <location filename="../ui/ProviderLegend.cpp" line="18"/>
        <source>Clinicians</source>
        <translation>Profesionales</translation>
    </message>
</context>
<context>
    <name>mss::ui::RecurrenceDialog</name>
    <message>
        <location filename="../ui/RecurrenceDialog.cpp" line="39"/>
        <source>After</source>
        <translation>Tras</translation>
    </message>
    <message>
        <location filename="../ui/RecurrenceDialog.cpp" line="41"/>
        <source>On</source>
        <translation>El</translation>
    </message>
    <message>
        <location filename="../ui/RecurrenceDialog.cpp" line="43"/>
        <source>Skip the dates that conflict</source>
        <translation>Omitir las fechas en conflicto</translation>
    </message>
    <message>
        <location filename="../ui/RecurrenceDialog.cpp" line="48"/>
        <source>Repeat appointment</source>
        <translation>Repetir cita</translation>
    </message>
    <message>
        <location filename="../ui/RecurrenceDialog.cpp" line="51"/>
        <source>Weekly</source>
        <translation>Semanal</translation>
    </message>
    <message>
        <location filename="../ui/RecurrenceDialog.cpp" line="52"/>
        <source>Every two weeks</source>
        <translation>Cada dos semanas</translation>
    </message>
    <message>
        <location filename="../ui/RecurrenceDialog.cpp" line="53"/>
        <source>Monthly, on a day of the month</source>
        <translation>Mensual, un día del mes</translation>
    </message>
    <message>
        <location filename="../ui/RecurrenceDialog.cpp" line="54"/>
        <source>Monthly, on a weekday of the month</source>
        <translation>Mensual, un día de la semana del mes</translation>
    </message>
    <message>
        <location filename="../ui/RecurrenceDialog.cpp" line="55"/>
        <source>Custom rule (RFC 5545)</source>
        <translation>Regla personalizada (RFC 5545)</translation>
    </message>
    <message>
        <location filename="../ui/RecurrenceDialog.cpp" line="59"/>
        <source>On 29, 30 or 31, shorter months use their last day</source>
        <translation>Los días 29, 30 o 31, los meses más cortos usan su último día</translation>
    </message>
    <message>
        <location filename="../ui/RecurrenceDialog.cpp" line="60"/>
        <source>First</source>
        <translation>Primera</translation>
    </message>
    <message>
        <location filename="../ui/RecurrenceDialog.cpp" line="61"/>
        <source>Second</source>
        <translation>Segunda</translation>
    </message>
    <message>
        <location filename="../ui/RecurrenceDialog.cpp" line="62"/>
        <source>Third</source>
        <translation>Tercera</translation>
    </message>
    <message>
        <location filename="../ui/RecurrenceDialog.cpp" line="63"/>
        <source>Fourth</source>
        <translation>Cuarta</translation>
    </message>
    <message>
        <location filename="../ui/RecurrenceDialog.cpp" line="64"/>
        <source>Last</source>
        <translation>Última</translation>
    </message>
    <message>
        <location filename="../ui/RecurrenceDialog.cpp" line="75"/>
        <source> occurrences</source>
        <translation> repeticiones</translation>
    </message>
    <message>
        <location filename="../ui/RecurrenceDialog.cpp" line="96"/>
        <source>&amp;Repeat:</source>
        <translation>&amp;Repetir:</translation>
    </message>
    <message>
        <location filename="../ui/RecurrenceDialog.cpp" line="98"/>
        <source>&amp;Starting:</source>
        <translation>&amp;A partir del:</translation>
    </message>
    <message>
        <location filename="../ui/RecurrenceDialog.cpp" line="100"/>
        <source>Ends:</source>
        <translation>Termina:</translation>
    </message>
    <message>
        <location filename="../ui/RecurrenceDialog.cpp" line="102"/>
        <source>&amp;Week of the month:</source>
        <translation>&amp;Semana del mes:</translation>
    </message>
    <message>
        <location filename="../ui/RecurrenceDialog.cpp" line="103"/>
        <source>&amp;Day:</source>
        <translation>&amp;Día:</translation>
    </message>
    <message>
        <location filename="../ui/RecurrenceDialog.cpp" line="104"/>
        <source>Day of the &amp;month:</source>
        <translation>Día del &amp;mes:</translation>
    </message>
    <message>
        <location filename="../ui/RecurrenceDialog.cpp" line="105"/>
        <source>R&amp;ule:</source>
        <translation>Re&amp;gla:</translation>
    </message>
    <message>
        <location filename="../ui/RecurrenceDialog.cpp" line="111"/>
        <source>&amp;Create series</source>
        <translation>&amp;Crear serie</translation>
    </message>
    <message>
        <location filename="../ui/RecurrenceDialog.cpp" line="116"/>
        <source>Dates:</source>
        <translation>Fechas:</translation>
    </message>
    <message>
        <location filename="../ui/RecurrenceDialog.cpp" line="170"/>
        <source>%1, %2 min, from %3</source>
        <translation>%1, %2 min, desde %3</translation>
    </message>
    <message>
        <location filename="../ui/RecurrenceDialog.cpp" line="236"/>
        <source>Conflicts with another appointment</source>
        <translation>Se solapa con otra cita</translation>
    </message>
    <message>
        <location filename="../ui/RecurrenceDialog.cpp" line="262"/>
        <source>This repetition cannot be used: %1</source>
        <translation>Esta repetición no se puede usar: %1</translation>
    </message>
    <message>
        <location filename="../ui/RecurrenceDialog.cpp" line="286"/>
        <source>another appointment</source>
        <translation>otra cita</translation>
    </message>
    <message>
        <location filename="../ui/RecurrenceDialog.cpp" line="287"/>
        <source>%1   — conflicts: %2</source>
        <translation>%1   — conflictos: %2</translation>
    </message>
    <message>
        <location filename="../ui/RecurrenceDialog.cpp" line="291"/>
        <source>%1   — outside availability</source>
        <translation>%1   — fuera de la disponibilidad</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/RecurrenceDialog.cpp" line="298"/>
        <source>%n appointment(s) will be booked.</source>
        <translation>
            <numerusform>Se reservará %n cita.</numerusform>
            <numerusform>Se reservarán %n citas.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/RecurrenceDialog.cpp" line="300"/>
        <source>%n appointment(s), </source>
        <translation>
            <numerusform>%n cita, </numerusform>
            <numerusform>%n citas, </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/RecurrenceDialog.cpp" line="301"/>
        <source>%n of which conflict(s).</source>
        <translation>
            <numerusform>%n de ellas en conflicto.</numerusform>
            <numerusform>%n de ellas en conflicto.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mss::ui::SyncConflictPanel</name>
    <message>
        <location filename="../ui/SyncConflictPanel.cpp" line="16"/>
        <source>&amp;Keep mine</source>
        <translation>&amp;Conservar la mía</translation>
    </message>
    <message>
        <location filename="../ui/SyncConflictPanel.cpp" line="17"/>
        <source>&amp;Take theirs</source>
        <translation>&amp;Aceptar la del servidor</translation>
    </message>
    <message>
        <location filename="../ui/SyncConflictPanel.cpp" line="18"/>
        <source>&amp;Pick another time...</source>
        <translation>&amp;Elegir otro horario...</translation>
    </message>
    <message>
        <location filename="../ui/SyncConflictPanel.cpp" line="24"/>
        <source>Send this desk&apos;s change again, replacing the other one</source>
        <translation>Volver a enviar el cambio de este puesto y reemplazar el otro</translation>
    </message>
    <message>
        <location filename="../ui/SyncConflictPanel.cpp" line="25"/>
        <source>Drop this desk&apos;s change and keep what the server has</source>
        <translation>Descartar el cambio de este puesto y conservar lo que tiene el servidor</translation>
    </message>
    <message>
        <location filename="../ui/SyncConflictPanel.cpp" line="26"/>
        <source>Book this desk&apos;s change at another time</source>
        <translation>Reservar el cambio de este puesto en otro horario</translation>
    </message>
    <message>
        <location filename="../ui/SyncConflictPanel.cpp" line="67"/>
        <source>No conflicts: every change of this desk reached the server.</source>
        <translation>Sin conflictos: todos los cambios de este puesto llegaron al servidor.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/SyncConflictPanel.cpp" line="68"/>
        <source>%n change(s) of this desk could not be saved on the server:</source>
        <translation>
            <numerusform>%n cambio de este puesto no se pudo guardar en el servidor:</numerusform>
            <numerusform>%n cambios de este puesto no se pudieron guardar en el servidor:</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/SyncConflictPanel.cpp" line="90"/>
        <source>This desk: %1
Server: %2</source>
        <translation>Este puesto: %1
Servidor: %2</translation>
    </message>
</context>
<context>
    <name>mss::ui::SyncStatusIndicator</name>
    <message>
        <location filename="../ui/SyncStatusIndicator.cpp" line="13"/>
        <source>Connection status</source>
        <translation>Estado de la conexión</translation>
    </message>
    <message>
        <location filename="../ui/SyncStatusIndicator.cpp" line="56"/>
        <source>Online · all changes saved</source>
        <translation>En línea · todos los cambios guardados</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/SyncStatusIndicator.cpp" line="57"/>
        <source>Online · %n change(s) to send</source>
        <translation>
            <numerusform>En línea · %n cambio por enviar</numerusform>
            <numerusform>En línea · %n cambios por enviar</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/SyncStatusIndicator.cpp" line="60"/>
        <source>Offline</source>
        <translation>Sin conexión</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/SyncStatusIndicator.cpp" line="61"/>
        <source>Offline · %n change(s) waiting</source>
        <translation>
            <numerusform>Sin conexión · %n cambio pendiente</numerusform>
            <numerusform>Sin conexión · %n cambios pendientes</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/SyncStatusIndicator.cpp" line="64"/>
        <source>Syncing…</source>
        <translation>Sincronizando…</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/SyncStatusIndicator.cpp" line="65"/>
        <source>Syncing %n change(s)…</source>
        <translation>
            <numerusform>Sincronizando %n cambio…</numerusform>
            <numerusform>Sincronizando %n cambios…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/SyncStatusIndicator.cpp" line="68"/>
        <source>Server not answering · %n change(s) waiting</source>
        <translation>
            <numerusform>El servidor no responde · %n cambio pendiente</numerusform>
            <numerusform>El servidor no responde · %n cambios pendientes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/SyncStatusIndicator.cpp" line="72"/>
        <source>%n conflict(s) to resolve</source>
        <translation>
            <numerusform>%n conflicto por resolver</numerusform>
            <numerusform>%n conflictos por resolver</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/SyncStatusIndicator.cpp" line="74"/>
        <source>Click to resolve the conflicts</source>
        <translation>Haga clic para resolver los conflictos</translation>
    </message>
</context>
<context>
    <name>mss::ui::TimeField</name>
    <message>
        <location filename="../ui/TimeField.cpp" line="71"/>
        <source>e.g. 14:30 or 2:30 pm</source>
        <translation>p. ej., 14:30 o 2:30 pm</translation>
    </message>
    <message>
        <location filename="../ui/TimeField.cpp" line="72"/>
        <source>Type a time: 1430, 14:30, 2:30 pm or 9</source>
        <translation>Escriba una hora: 1430, 14:30, 2:30 pm o 9</translation>
    </message>
    <message>
        <location filename="../ui/TimeField.cpp" line="95"/>
        <source>Type the start time, e.g. 14:30</source>
        <translation>Escriba la hora de inicio, p. ej., 14:30</translation>
    </message>
    <message>
        <location filename="../ui/TimeField.cpp" line="96"/>
        <source>&apos;%1&apos; is not a time</source>
        <translation>«%1» no es una hora</translation>
    </message>
</context>
<context>
    <name>mss::ui::TimeGridView</name>
    <message>
        <location filename="../ui/TimeGridView.cpp" line="548"/>
        <source>New appointment at %1...</source>
        <translation>Nueva cita a las %1...</translation>
    </message>
    <message>
        <location filename="../ui/TimeGridView.cpp" line="557"/>
        <source>&amp;Details...</source>
        <translation>&amp;Detalles...</translation>
    </message>
    <message>
        <location filename="../ui/TimeGridView.cpp" line="559"/>
        <source>&amp;Reinstate</source>
        <translation>&amp;Restablecer</translation>
    </message>
    <message>
        <location filename="../ui/TimeGridView.cpp" line="563"/>
        <source>&amp;Edit...</source>
        <translation>&amp;Editar...</translation>
    </message>
    <message>
        <location filename="../ui/TimeGridView.cpp" line="572"/>
        <source>C&amp;onfirm</source>
        <translation>C&amp;onfirmar</translation>
    </message>
    <message>
        <location filename="../ui/TimeGridView.cpp" line="574"/>
        <source>&amp;Complete</source>
        <translation>&amp;Completar</translation>
    </message>
    <message>
        <location filename="../ui/TimeGridView.cpp" line="576"/>
        <source>Mark &amp;no-show</source>
        <translation>Marcar &amp;inasistencia</translation>
    </message>
    <message>
        <location filename="../ui/TimeGridView.cpp" line="579"/>
        <source>C&amp;ancel appointment...</source>
        <translation>C&amp;ancelar cita...</translation>
    </message>
    <message>
        <location filename="../ui/TimeGridViewPainting.cpp" line="145"/>
        <source>Held for waitlist until %1</source>
        <translation>Reservado para la lista de espera hasta las %1</translation>
    </message>
    <message>
        <location filename="../ui/TimeGridViewPainting.cpp" line="205"/>
        <source>Unavailable</source>
        <translation>No disponible</translation>
    </message>
    <message>
        <location filename="../ui/TimeGridViewPainting.cpp" line="205"/>
        <source>Unavailable: %1</source>
        <translation>No disponible: %1</translation>
    </message>
    <message>
        <location filename="../ui/TimeGridViewPainting.cpp" line="217"/>
        <source>Clocks go forward</source>
        <translation>Cambio al horario de verano</translation>
    </message>
    <message>
        <location filename="../ui/TimeGridViewPainting.cpp" line="262"/>
        <source>New: %1</source>
        <translation>Nueva: %1</translation>
    </message>
    <message>
        <location filename="../ui/TimeGridViewPainting.cpp" line="288"/>
        <source>Conflict: %1</source>
        <translation>Conflicto: %1</translation>
    </message>
    <message>
        <location filename="../ui/TimeGridViewPainting.cpp" line="289"/>
        <source>Outside availability</source>
        <translation>Fuera de la disponibilidad</translation>
    </message>
</context>
<context>
    <name>mss::ui::WaitlistDialog</name>
    <message>
        <location filename="../ui/WaitlistDialog.cpp" line="47"/>
        <source>High</source>
        <translation>Alta</translation>
    </message>
    <message>
        <location filename="../ui/WaitlistDialog.cpp" line="49"/>
        <source>Low</source>
        <translation>Baja</translation>
    </message>
    <message>
        <location filename="../ui/WaitlistDialog.cpp" line="50"/>
        <source>Normal</source>
        <translation>Normal</translation>
    </message>
    <message>
        <location filename="../ui/WaitlistDialog.cpp" line="55"/>
        <source>Offered</source>
        <translation>Ofrecida</translation>
    </message>
    <message>
        <location filename="../ui/WaitlistDialog.cpp" line="57"/>
        <source>Booked</source>
        <translation>Citada</translation>
    </message>
    <message>
        <location filename="../ui/WaitlistDialog.cpp" line="59"/>
        <source>Expired</source>
        <translation>Caducada</translation>
    </message>
    <message>
        <location filename="../ui/WaitlistDialog.cpp" line="61"/>
        <source>Removed</source>
        <translation>Quitada</translation>
    </message>
    <message>
        <location filename="../ui/WaitlistDialog.cpp" line="62"/>
        <source>Waiting</source>
        <translation>En espera</translation>
    </message>
    <message>
        <location filename="../ui/WaitlistDialog.cpp" line="77"/>
        <source>Add &amp;window</source>
        <translation>Añadir &amp;franja</translation>
    </message>
    <message>
        <location filename="../ui/WaitlistDialog.cpp" line="78"/>
        <source>Remove w&amp;indow</source>
        <translation>Quitar fr&amp;anja</translation>
    </message>
    <message>
        <location filename="../ui/WaitlistDialog.cpp" line="79"/>
        <source>Not &amp;before</source>
        <translation>No &amp;antes del</translation>
    </message>
    <message>
        <location filename="../ui/WaitlistDialog.cpp" line="81"/>
        <source>Not &amp;after</source>
        <translation>No &amp;después del</translation>
    </message>
    <message>
        <location filename="../ui/WaitlistDialog.cpp" line="85"/>
        <source>&amp;Expires</source>
        <translation>&amp;Caduca</translation>
    </message>
    <message>
        <location filename="../ui/WaitlistDialog.cpp" line="88"/>
        <source>Waitlist entry</source>
        <translation>Entrada de la lista de espera</translation>
    </message>
    <message>
        <location filename="../ui/WaitlistDialog.cpp" line="95"/>
        <source>Type a client&apos;s name</source>
        <translation>Escriba el nombre de un paciente</translation>
    </message>
    <message>
        <location filename="../ui/WaitlistDialog.cpp" line="98"/>
        <source>Any provider</source>
        <translation>Cualquier profesional</translation>
    </message>
    <message>
        <location filename="../ui/WaitlistDialog.cpp" line="106"/>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location filename="../ui/WaitlistDialog.cpp" line="120"/>
        <source>Day</source>
        <translation>Día</translation>
    </message>
    <message>
        <location filename="../ui/WaitlistDialog.cpp" line="120"/>
        <source>From</source>
        <translation>Desde</translation>
    </message>
    <message>
        <location filename="../ui/WaitlistDialog.cpp" line="120"/>
        <source>To</source>
        <translation>Hasta</translation>
    </message>
    <message>
        <location filename="../ui/WaitlistDialog.cpp" line="124"/>
        <source>The times the client can come, on the practice&apos;s clock; none means any time the provider is available</source>
        <translation>Los horarios en que el paciente puede venir, en la hora de la consulta; sin ninguno, cualquier hora en que el profesional esté disponible</translation>
    </message>
    <message>
        <location filename="../ui/WaitlistDialog.cpp" line="145"/>
        <source>Scheduling notes only (no clinical details)</source>
        <translation>Solo notas de agenda (ningún dato clínico)</translation>
    </message>
    <message>
        <location filename="../ui/WaitlistDialog.cpp" line="157"/>
        <source>&amp;Client:</source>
        <translation>&amp;Paciente:</translation>
    </message>
    <message>
        <location filename="../ui/WaitlistDialog.cpp" line="158"/>
        <source>&amp;Provider:</source>
        <translation>P&amp;rofesional:</translation>
    </message>
    <message>
        <location filename="../ui/WaitlistDialog.cpp" line="159"/>
        <source>&amp;Type:</source>
        <translation>&amp;Tipo:</translation>
    </message>
    <message>
        <location filename="../ui/WaitlistDialog.cpp" line="160"/>
        <source>&amp;Duration:</source>
        <translation>&amp;Duración:</translation>
    </message>
    <message>
        <location filename="../ui/WaitlistDialog.cpp" line="161"/>
        <source>&amp;Location:</source>
        <translation>&amp;Lugar:</translation>
    </message>
    <message>
        <location filename="../ui/WaitlistDialog.cpp" line="169"/>
        <source>Preferred &amp;times:</source>
        <translation>&amp;Horarios preferidos:</translation>
    </message>
    <message>
        <location filename="../ui/WaitlistDialog.cpp" line="175"/>
        <source>Dates:</source>
        <translation>Fechas:</translation>
    </message>
    <message>
        <location filename="../ui/WaitlistDialog.cpp" line="176"/>
        <source>P&amp;riority:</source>
        <translation>Pr&amp;ioridad:</translation>
    </message>
    <message>
        <location filename="../ui/WaitlistDialog.cpp" line="177"/>
        <source>&amp;Notes:</source>
        <translation>&amp;Notas:</translation>
    </message>
    <message>
        <location filename="../ui/WaitlistDialog.cpp" line="181"/>
        <source>Expiry:</source>
        <translation>Caducidad:</translation>
    </message>
    <message>
        <location filename="../ui/WaitlistDialog.cpp" line="203"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../ui/WaitlistDialog.cpp" line="318"/>
        <source>Client: choose the client who is waiting.</source>
        <translation>Paciente: elija el paciente que espera.</translation>
    </message>
    <message>
        <location filename="../ui/WaitlistDialog.cpp" line="319"/>
        <source>Client: no client is called &quot;%1&quot;; pick one from the list.</source>
        <translation>Paciente: ningún paciente se llama «%1»; elija uno de la lista.</translation>
    </message>
    <message>
        <location filename="../ui/WaitlistDialog.cpp" line="325"/>
        <source>Preferred times: window %1 ends at or before it starts.</source>
        <translation>Horarios preferidos: la franja %1 termina antes de empezar o cuando empieza.</translation>
    </message>
    <message>
        <location filename="../ui/WaitlistDialog.cpp" line="327"/>
        <source>Preferred times: window %1 is shorter than the %2 minutes asked for.</source>
        <translation>Horarios preferidos: la franja %1 es más corta que los %2 minutos pedidos.</translation>
    </message>
    <message>
        <location filename="../ui/WaitlistDialog.cpp" line="333"/>
        <source>Dates: &quot;not after&quot; is before &quot;not before&quot;.</source>
        <translation>Fechas: «no después del» es anterior a «no antes del».</translation>
    </message>
    <message>
        <location filename="../ui/WaitlistDialog.cpp" line="335"/>
        <source>Notes: at most %1 characters.</source>
        <translation>Notas: como máximo %1 caracteres.</translation>
    </message>
</context>
<context>
    <name>mss::ui::WeekView</name>
    <message>
        <location filename="../ui/WeekView.cpp" line="43"/>
        <source>No providers yet: add clinicians with mentalspace-server user add</source>
        <translation>Aún no hay profesionales: añádalos con mentalspace-server user add</translation>
    </message>
    <message>
        <location filename="../ui/WeekView.cpp" line="44"/>
        <source>All providers</source>
        <translation>Todos los profesionales</translation>
    </message>
</context>
<context>
    <name>mss::ui::WeeklyHoursGrid</name>
    <message>
        <location filename="../ui/WeeklyHoursGrid.cpp" line="34"/>
        <source>Office</source>
        <translation>Consulta</translation>
    </message>
    <message>
        <location filename="../ui/WeeklyHoursGrid.cpp" line="36"/>
        <source>Virtual</source>
        <translation>En línea</translation>
    </message>
    <message>
        <location filename="../ui/WeeklyHoursGrid.cpp" line="38"/>
        <source>Office or virtual</source>
        <translation>Consulta o en línea</translation>
    </message>
    <message>
        <location filename="../ui/WeeklyHoursGrid.cpp" line="40"/>
        <source>Other location</source>
        <translation>Otro lugar</translation>
    </message>
    <message>
        <location filename="../ui/WeeklyHoursGrid.cpp" line="186"/>
        <source>Unavailable</source>
        <translation>No disponible</translation>
    </message>
    <message>
        <location filename="../ui/WeeklyHoursGrid.cpp" line="254"/>
        <source>&amp;Remove block</source>
        <translation>&amp;Quitar franja</translation>
    </message>
</context>
</TS>
