<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>CacheFailure</name>
    <message>
        <location filename="../core/sync/CacheFailure.cpp" line="10"/>
        <source>This computer&apos;s disk is full, so nothing was saved. Free some space and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/sync/CacheFailure.cpp" line="14"/>
        <source>This computer&apos;s copy of the schedule cannot be written (its file is read-only), so nothing was saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/sync/CacheFailure.cpp" line="18"/>
        <source>This computer&apos;s copy of the schedule failed (%1); nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LocalClients</name>
    <message>
        <location filename="../core/sync/LocalClients.cpp" line="55"/>
        <source>A first name is needed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/sync/LocalClients.cpp" line="58"/>
        <source>A last name is needed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/sync/LocalClients.cpp" line="75"/>
        <source>%1 is not an email address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/sync/LocalClients.cpp" line="85"/>
        <source>The date of birth is not a past date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/sync/LocalClients.cpp" line="110"/>
        <source>the same name and date of birth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/sync/LocalClients.cpp" line="114"/>
        <source>the same phone number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/sync/LocalClients.cpp" line="117"/>
        <source>the same email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/sync/LocalClients.cpp" line="129"/>
        <source>Your role (%1) may not add clients.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/sync/LocalClients.cpp" line="146"/>
        <source>New client</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PhoneNumber</name>
    <message>
        <location filename="../core/domain/PhoneNumber.cpp" line="21"/>
        <source>The phone number %1 is not a valid %2 number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/domain/PhoneNumber.cpp" line="25"/>
        <source>A phone number is needed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/domain/PhoneNumber.cpp" line="35"/>
        <source>The phone number %1 has an extension; text reminders need a number of its own</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RolePermissions</name>
    <message>
        <location filename="../app/desktop/RolePermissions.cpp" line="44"/>
        <source>practice administrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/RolePermissions.cpp" line="46"/>
        <source>clinician</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/RolePermissions.cpp" line="48"/>
        <source>supervisor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/RolePermissions.cpp" line="50"/>
        <source>intern</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/RolePermissions.cpp" line="52"/>
        <source>billing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/RolePermissions.cpp" line="54"/>
        <source>front desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/RolePermissions.cpp" line="56"/>
        <source>support</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/RolePermissions.cpp" line="58"/>
        <source>system administrator</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <location filename="../app/desktop/Startup.cpp" line="59"/>
        <source>The practice&apos;s calendar, offline or not.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/Startup.cpp" line="64"/>
        <source>Open the demo practice as its front desk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/Startup.cpp" line="66"/>
        <source>The demo practice&apos;s data folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/Startup.cpp" line="70"/>
        <source>Exit once the synced calendar is painted, printing how many appointments it shows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/Startup.cpp" line="75"/>
        <source>With --quit-after-first-paint: save the window as a PNG image first.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mss::desktop::AppointmentBook</name>
    <message>
        <location filename="../app/desktop/AppointmentBook.cpp" line="119"/>
        <source>The local copy of the schedule cannot be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/AppointmentBook.cpp" line="155"/>
        <location filename="../app/desktop/AppointmentBook.cpp" line="715"/>
        <source>That appointment is no longer in the schedule.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/AppointmentBook.cpp" line="162"/>
        <source>That time is busy; only its provider&apos;s team can open it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/AppointmentBook.cpp" line="179"/>
        <source>%1, %2 %3 with %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/AppointmentBook.cpp" line="201"/>
        <source>This time is taken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/AppointmentBook.cpp" line="202"/>
        <source>%1 is not possible: it collides with
%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/AppointmentBook.cpp" line="210"/>
        <source>Book anyway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/AppointmentBook.cpp" line="216"/>
        <source>%1: saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/AppointmentBook.cpp" line="229"/>
        <source>Not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/AppointmentBook.cpp" line="230"/>
        <source>%1 was not saved:
%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/AppointmentBook.cpp" line="298"/>
        <source>Booking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/AppointmentBook.cpp" line="300"/>
        <source>the booking of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/AppointmentBook.cpp" line="318"/>
        <source>The series</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../app/desktop/AppointmentBook.cpp" line="323"/>
        <source>Series saved: %n appointment(s) to be booked</source>
        <translation>
            <numerusform>Series saved: %n appointment to be booked</numerusform>
            <numerusform>Series saved: %n appointments to be booked</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/desktop/AppointmentBook.cpp" line="382"/>
        <source>%1 is not cancelled: there is nothing to reinstate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/AppointmentBook.cpp" line="387"/>
        <source>%1 cannot be reinstated: its time is taken now by %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/AppointmentBook.cpp" line="395"/>
        <source>Reinstating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/AppointmentBook.cpp" line="399"/>
        <source>Reinstated: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/AppointmentBook.cpp" line="400"/>
        <source>reinstating %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/AppointmentBook.cpp" line="420"/>
        <source>change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/AppointmentBook.cpp" line="428"/>
        <source>The change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/AppointmentBook.cpp" line="452"/>
        <source>That series is not in the local copy of the schedule yet; sync first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/AppointmentBook.cpp" line="468"/>
        <source>Changing this and the following</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/AppointmentBook.cpp" line="472"/>
        <source>Changing every occurrence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/AppointmentBook.cpp" line="489"/>
        <source>move</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/AppointmentBook.cpp" line="499"/>
        <source>The move</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/AppointmentBook.cpp" line="502"/>
        <source>the move of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/AppointmentBook.cpp" line="518"/>
        <source>cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/AppointmentBook.cpp" line="546"/>
        <source>Cancelled: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/AppointmentBook.cpp" line="548"/>
        <source>the cancellation of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/AppointmentBook.cpp" line="551"/>
        <source>The cancellation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/AppointmentBook.cpp" line="560"/>
        <source>%1 has started: it can no longer be confirmed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/AppointmentBook.cpp" line="561"/>
        <source>%1 has not started yet: it can be completed or marked a no-show once it has.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/AppointmentBook.cpp" line="571"/>
        <source>Completing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/AppointmentBook.cpp" line="573"/>
        <source>completing %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/AppointmentBook.cpp" line="580"/>
        <source>Marking a no-show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/AppointmentBook.cpp" line="582"/>
        <source>the no-show of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/AppointmentBook.cpp" line="589"/>
        <source>Confirming</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/AppointmentBook.cpp" line="591"/>
        <source>confirming %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/AppointmentBook.cpp" line="654"/>
        <source>Next open slot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/AppointmentBook.cpp" line="655"/>
        <source>%1 has no open 50-minute slot in the next month.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/AppointmentBook.cpp" line="671"/>
        <source>Availability of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/AppointmentBook.cpp" line="688"/>
        <source>The change of hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/AppointmentBook.cpp" line="761"/>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/AppointmentBook.cpp" line="765"/>
        <location filename="../app/desktop/AppointmentBook.cpp" line="774"/>
        <source>Deleted on the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/AppointmentBook.cpp" line="768"/>
        <source>%1, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/AppointmentBook.cpp" line="775"/>
        <source>Changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/AppointmentBook.cpp" line="778"/>
        <source>the time is taken on the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/AppointmentBook.cpp" line="780"/>
        <source>the time is held for a waitlist client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/AppointmentBook.cpp" line="783"/>
        <source>Refused by the server: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/AppointmentBook.cpp" line="796"/>
        <source>Taking theirs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/AppointmentBook.cpp" line="809"/>
        <source>Keep mine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/AppointmentBook.cpp" line="810"/>
        <source>Only a practice administrator or a supervisor may book over another appointment. Take theirs, or pick another time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/AppointmentBook.cpp" line="816"/>
        <source>Keeping mine</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mss::desktop::CalendarFeedDialog</name>
    <message>
        <location filename="../app/desktop/CalendarFeedDialog.cpp" line="26"/>
        <source>&amp;Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/CalendarFeedDialog.cpp" line="27"/>
        <source>&amp;Turn on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/CalendarFeedDialog.cpp" line="28"/>
        <source>&amp;New address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/CalendarFeedDialog.cpp" line="29"/>
        <source>Turn &amp;off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/CalendarFeedDialog.cpp" line="30"/>
        <source>My calendar feed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/CalendarFeedDialog.cpp" line="33"/>
        <source>Subscribe to your appointments from the calendar on your phone or computer. The feed shows the times of your appointments and only what the practice allows of the clients; anyone who has the address can read it, so keep it to yourself. If it got out, make a new address: the old one stops working.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/CalendarFeedDialog.cpp" line="43"/>
        <source>The address appears here when it is made</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/CalendarFeedDialog.cpp" line="71"/>
        <source>The address is copied. Paste it where your calendar program asks for a subscription (&quot;Add calendar from URL&quot;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/CalendarFeedDialog.cpp" line="80"/>
        <source>Asking the server…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/CalendarFeedDialog.cpp" line="99"/>
        <source>Your calendar feed is off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/CalendarFeedDialog.cpp" line="105"/>
        <source>Your calendar feed is on; its address was made on %1. It is shown only when it is made: make a new one to see it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/CalendarFeedDialog.cpp" line="108"/>
        <source>Your calendar feed is on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/CalendarFeedDialog.cpp" line="114"/>
        <source>Making the address…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/CalendarFeedDialog.cpp" line="126"/>
        <source>Your calendar feed is on. Copy the address now: it is not shown again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/CalendarFeedDialog.cpp" line="144"/>
        <source>Your calendar feed is off; its address no longer works.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/CalendarFeedDialog.cpp" line="153"/>
        <source>This server does not offer calendar feeds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/CalendarFeedDialog.cpp" line="155"/>
        <source>The practice has turned calendar feeds off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/CalendarFeedDialog.cpp" line="157"/>
        <source>The server did not do it: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mss::desktop::DeskSession</name>
    <message>
        <location filename="../app/desktop/DeskSession.cpp" line="70"/>
        <location filename="../app/desktop/DeskSession.cpp" line="115"/>
        <source>The server cannot be reached: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/DeskSession.cpp" line="76"/>
        <source>The email or password is not right.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/DeskSession.cpp" line="125"/>
        <source>Your sign-in has ended; please sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/DeskSession.cpp" line="191"/>
        <source>The local copy of the schedule cannot be opened: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mss::desktop::FirstRunDialog</name>
    <message>
        <location filename="../app/desktop/FirstRunDialog.cpp" line="34"/>
        <source>Welcome to MentalSpace Scheduler</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/FirstRunDialog.cpp" line="36"/>
        <source>&lt;b&gt;How does this computer reach the practice&apos;s schedule?&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/FirstRunDialog.cpp" line="37"/>
        <source>&amp;Connect to the practice&apos;s server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/FirstRunDialog.cpp" line="38"/>
        <source>&amp;Host the office server on this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/FirstRunDialog.cpp" line="52"/>
        <source>Server &amp;address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/FirstRunDialog.cpp" line="53"/>
        <source>&amp;Email:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/FirstRunDialog.cpp" line="54"/>
        <source>&amp;Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/FirstRunDialog.cpp" line="75"/>
        <source>This folder holds a practice already: sign in to it as its administrator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/FirstRunDialog.cpp" line="94"/>
        <source>Data &amp;folder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/FirstRunDialog.cpp" line="98"/>
        <source>Practice time &amp;zone:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/FirstRunDialog.cpp" line="99"/>
        <source>Administrator e&amp;mail:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/FirstRunDialog.cpp" line="100"/>
        <source>Pass&amp;word:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/FirstRunDialog.cpp" line="101"/>
        <source>&amp;Repeat password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/FirstRunDialog.cpp" line="64"/>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/FirstRunDialog.cpp" line="67"/>
        <source>Data folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/FirstRunDialog.cpp" line="120"/>
        <location filename="../app/desktop/FirstRunDialog.cpp" line="247"/>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/FirstRunDialog.cpp" line="161"/>
        <source>Sign in again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/FirstRunDialog.cpp" line="162"/>
        <source>&lt;b&gt;Your sign-in has ended: please type your password.&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/FirstRunDialog.cpp" line="232"/>
        <source>Open the practice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/FirstRunDialog.cpp" line="238"/>
        <source>Create the practice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/FirstRunDialog.cpp" line="240"/>
        <source>The password needs at least %1 characters.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mss::desktop::MainWindow</name>
    <message>
        <location filename="../app/desktop/MainWindow.cpp" line="55"/>
        <source>MentalSpace Scheduler</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/MainWindow.cpp" line="72"/>
        <source>Loading the schedule… %v</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/MainWindow.cpp" line="78"/>
        <source>%1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/MainWindow.cpp" line="84"/>
        <source>Sync conflicts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/MainWindow.cpp" line="91"/>
        <source>Waitlist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/MainWindow.cpp" line="97"/>
        <source>&amp;Waitlist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/MainWindow.cpp" line="134"/>
        <source>Show &amp;cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/MainWindow.cpp" line="137"/>
        <source>Show cancelled appointments on the calendar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/MainWindow.cpp" line="157"/>
        <source>Find</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/MainWindow.cpp" line="170"/>
        <source>That appointment is no longer in the schedule.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/MainWindow.cpp" line="177"/>
        <location filename="../app/desktop/MainWindow.cpp" line="192"/>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/MainWindow.cpp" line="182"/>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/MainWindow.cpp" line="206"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/MainWindow.cpp" line="207"/>
        <source>&amp;Print day sheet…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/MainWindow.cpp" line="208"/>
        <source>Print pre&amp;view of the day sheet…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/MainWindow.cpp" line="209"/>
        <source>&amp;Export day sheet to PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/MainWindow.cpp" line="211"/>
        <source>Sign &amp;out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/MainWindow.cpp" line="212"/>
        <location filename="../app/desktop/MainWindow.cpp" line="499"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/MainWindow.cpp" line="214"/>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/MainWindow.cpp" line="217"/>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/MainWindow.cpp" line="220"/>
        <source>&amp;Day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/MainWindow.cpp" line="221"/>
        <source>&amp;Week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/MainWindow.cpp" line="222"/>
        <source>&amp;Providers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/MainWindow.cpp" line="223"/>
        <source>&amp;Month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/MainWindow.cpp" line="238"/>
        <source>&amp;Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/MainWindow.cpp" line="241"/>
        <source>&amp;Schedule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/MainWindow.cpp" line="243"/>
        <source>&amp;New appointment…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/MainWindow.cpp" line="245"/>
        <source>Next &amp;open slot…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/MainWindow.cpp" line="248"/>
        <source>&amp;Availability…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/MainWindow.cpp" line="249"/>
        <source>&amp;Find an appointment…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/MainWindow.cpp" line="256"/>
        <source>&amp;Sync now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/MainWindow.cpp" line="258"/>
        <source>My &amp;calendar feed…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/MainWindow.cpp" line="267"/>
        <source>S&amp;ettings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/MainWindow.cpp" line="269"/>
        <source>&amp;Reminders and confirmations…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/MainWindow.cpp" line="272"/>
        <source>&amp;Calendar feeds…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/MainWindow.cpp" line="280"/>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/MainWindow.cpp" line="281"/>
        <source>&amp;About MentalSpace Scheduler</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/MainWindow.cpp" line="362"/>
        <source>Appointments missing at the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/MainWindow.cpp" line="363"/>
        <source>The server no longer lists %1 of the %2 appointments this computer holds for these days.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/MainWindow.cpp" line="370"/>
        <source>This happens when the server was restored from an older backup or is another practice&apos;s. Remove them only if they were deleted on purpose; kept, they stay on this computer and nothing is sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/MainWindow.cpp" line="373"/>
        <source>&amp;Remove from this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/MainWindow.cpp" line="375"/>
        <source>&amp;Keep them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/MainWindow.cpp" line="418"/>
        <source>The cache could not keep whether this server has a waitlist: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/MainWindow.cpp" line="423"/>
        <source>No waitlist on this server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/MainWindow.cpp" line="453"/>
        <source>Tried at %1: connected to the server again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/MainWindow.cpp" line="454"/>
        <source>Tried at %1: the server did not answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/MainWindow.cpp" line="472"/>
        <source>The office server on this computer stopped (%1); starting it again…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/MainWindow.cpp" line="477"/>
        <source>The office server is running again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/MainWindow.cpp" line="482"/>
        <source>The office server could not be started again: %1. Changes are kept on this computer; restart the scheduler to try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/MainWindow.cpp" line="493"/>
        <source>Changes not yet sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../app/desktop/MainWindow.cpp" line="494"/>
        <source>%n change(s) made here have not reached the server yet.</source>
        <translation>
            <numerusform>%n change made here has not reached the server yet.</numerusform>
            <numerusform>%n changes made here have not reached the server yet.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/desktop/MainWindow.cpp" line="497"/>
        <source>They are kept on this computer and sent the next time the scheduler connects to the server. Quit now?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/MainWindow.cpp" line="500"/>
        <source>&amp;Stay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/MainWindow.cpp" line="582"/>
        <source>day-sheet-%1.pdf</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/MainWindow.cpp" line="577"/>
        <location filename="../app/desktop/MainWindow.cpp" line="588"/>
        <source>Export day sheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/MainWindow.cpp" line="425"/>
        <source>The server does not keep a waitlist (or cannot send its changes to this desk), so the Waitlist is not offered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/MainWindow.cpp" line="577"/>
        <source>PDF files (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/MainWindow.cpp" line="588"/>
        <source>%1 cannot be written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/MainWindow.cpp" line="590"/>
        <source>Day sheet saved to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/MainWindow.cpp" line="605"/>
        <source>Day sheet of %1, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/MainWindow.cpp" line="621"/>
        <source>About MentalSpace Scheduler</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/MainWindow.cpp" line="622"/>
        <source>&lt;h3&gt;MentalSpace Scheduler %1&lt;/h3&gt;&lt;p&gt;The practice&apos;s calendar, working from a copy on this computer, so booking goes on when the network does not.&lt;/p&gt;&lt;p&gt;Connected to %2&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mss::desktop::OfficeServer</name>
    <message>
        <location filename="../app/desktop/OfficeServer.cpp" line="78"/>
        <location filename="../app/desktop/OfficeServer.cpp" line="138"/>
        <source>cannot start %1; is the mentalspace-server package installed?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/OfficeServer.cpp" line="133"/>
        <source>the office server stopped (exit code %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/OfficeServer.cpp" line="149"/>
        <source>it was ended from outside or crashed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/OfficeServer.cpp" line="150"/>
        <source>exit code %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/OfficeServer.cpp" line="157"/>
        <source>it stopped again each time it was started</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mss::desktop::PracticeFeedsDialog</name>
    <message>
        <location filename="../app/desktop/PracticeFeedsDialog.cpp" line="32"/>
        <source>Calendar feeds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/PracticeFeedsDialog.cpp" line="34"/>
        <source>Staff can subscribe to their own appointments from the calendar on their phone (Schedule &gt; My calendar feed). Choose what those calendars may show of the clients.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/PracticeFeedsDialog.cpp" line="40"/>
        <source>No calendar feeds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/PracticeFeedsDialog.cpp" line="41"/>
        <source>&quot;Appointment&quot; and the time only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/PracticeFeedsDialog.cpp" line="42"/>
        <source>The client&apos;s initials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/PracticeFeedsDialog.cpp" line="43"/>
        <source>The client&apos;s name, notes and meeting link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/PracticeFeedsDialog.cpp" line="46"/>
        <source> days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/PracticeFeedsDialog.cpp" line="54"/>
        <source>Feeds show:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/PracticeFeedsDialog.cpp" line="55"/>
        <source>From the past:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/PracticeFeedsDialog.cpp" line="56"/>
        <source>Into the future:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/PracticeFeedsDialog.cpp" line="70"/>
        <source>Reading the server&apos;s settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/PracticeFeedsDialog.cpp" line="75"/>
        <source>The settings cannot be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/PracticeFeedsDialog.cpp" line="77"/>
        <source>This server does not offer calendar feeds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/PracticeFeedsDialog.cpp" line="94"/>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/PracticeFeedsDialog.cpp" line="103"/>
        <source>The server did not save it: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/PracticeFeedsDialog.cpp" line="107"/>
        <source>Saved. Calendars show the change at their next refresh.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mss::desktop::ReminderSettingsDialog</name>
    <message>
        <location filename="../app/desktop/ReminderSettingsDialog.cpp" line="38"/>
        <source>Reminders and confirmations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/ReminderSettingsDialog.cpp" line="43"/>
        <source>Practice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/ReminderSettingsDialog.cpp" line="45"/>
        <source>Practice name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/ReminderSettingsDialog.cpp" line="46"/>
        <source>Address clients reach:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/ReminderSettingsDialog.cpp" line="49"/>
        <location filename="../app/desktop/ReminderSettingsDialog.cpp" line="93"/>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/ReminderSettingsDialog.cpp" line="51"/>
        <source>Mail server:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/ReminderSettingsDialog.cpp" line="55"/>
        <source>Port:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/ReminderSettingsDialog.cpp" line="57"/>
        <source>STARTTLS when the server offers it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/ReminderSettingsDialog.cpp" line="58"/>
        <source>Encryption required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/ReminderSettingsDialog.cpp" line="59"/>
        <source>Encryption:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/ReminderSettingsDialog.cpp" line="60"/>
        <source>User name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/ReminderSettingsDialog.cpp" line="61"/>
        <source>Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/ReminderSettingsDialog.cpp" line="62"/>
        <source>Sender address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/ReminderSettingsDialog.cpp" line="64"/>
        <source>Text messages (SMS)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/ReminderSettingsDialog.cpp" line="66"/>
        <source>Gateway address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/ReminderSettingsDialog.cpp" line="67"/>
        <source>Account:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/ReminderSettingsDialog.cpp" line="68"/>
        <source>Token:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/ReminderSettingsDialog.cpp" line="69"/>
        <source>Sender number:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/ReminderSettingsDialog.cpp" line="70"/>
        <source>Reply webhook secret:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/ReminderSettingsDialog.cpp" line="73"/>
        <source>Waitlist offers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/ReminderSettingsDialog.cpp" line="78"/>
        <location filename="../app/desktop/ReminderSettingsDialog.cpp" line="85"/>
        <source> minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/ReminderSettingsDialog.cpp" line="79"/>
        <source>How long a freed time is kept for the client it is offered to (never past its start)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/ReminderSettingsDialog.cpp" line="81"/>
        <source>Hold a freed time for:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/ReminderSettingsDialog.cpp" line="86"/>
        <source>No time is offered once it is this close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/ReminderSettingsDialog.cpp" line="87"/>
        <source>Stop offering before the time:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/ReminderSettingsDialog.cpp" line="90"/>
        <source>Test message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/ReminderSettingsDialog.cpp" line="94"/>
        <source>Text message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/ReminderSettingsDialog.cpp" line="95"/>
        <source>Send by:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/ReminderSettingsDialog.cpp" line="97"/>
        <source>an email address or a phone number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/ReminderSettingsDialog.cpp" line="98"/>
        <source>To:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/ReminderSettingsDialog.cpp" line="99"/>
        <source>Send &amp;test message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/ReminderSettingsDialog.cpp" line="101"/>
        <source>Sends with the settings as saved on the server: save changes first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/ReminderSettingsDialog.cpp" line="131"/>
        <source>Se&amp;nding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/ReminderSettingsDialog.cpp" line="132"/>
        <source>Te&amp;mplates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/ReminderSettingsDialog.cpp" line="185"/>
        <source>Reading the server&apos;s settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/ReminderSettingsDialog.cpp" line="199"/>
        <source>The settings cannot be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/ReminderSettingsDialog.cpp" line="220"/>
        <source>set; type to replace it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/ReminderSettingsDialog.cpp" line="220"/>
        <source>not set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/ReminderSettingsDialog.cpp" line="287"/>
        <location filename="../app/desktop/ReminderSettingsDialog.cpp" line="290"/>
        <source>%1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/ReminderSettingsDialog.cpp" line="307"/>
        <source>A template uses a placeholder the scheduler does not know: see the field marked below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/ReminderSettingsDialog.cpp" line="319"/>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/ReminderSettingsDialog.cpp" line="340"/>
        <source>Sending…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/ReminderSettingsDialog.cpp" line="354"/>
        <source>Sent. Check that it arrived.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/ReminderSettingsDialog.cpp" line="363"/>
        <source>Not sent: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mss::desktop::ReminderTemplatesPage</name>
    <message>
        <location filename="../app/desktop/ReminderTemplatesPage.cpp" line="97"/>
        <location filename="../app/desktop/ReminderTemplatesPage.cpp" line="411"/>
        <source>English</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/ReminderTemplatesPage.cpp" line="98"/>
        <location filename="../app/desktop/ReminderTemplatesPage.cpp" line="411"/>
        <source>Spanish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/ReminderTemplatesPage.cpp" line="101"/>
        <location filename="../app/desktop/ReminderTemplatesPage.cpp" line="418"/>
        <source>Default (every type)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/ReminderTemplatesPage.cpp" line="107"/>
        <source>&amp;Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/ReminderTemplatesPage.cpp" line="109"/>
        <source>Appointment &amp;type:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/ReminderTemplatesPage.cpp" line="183"/>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/ReminderTemplatesPage.cpp" line="185"/>
        <source>Subject:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/ReminderTemplatesPage.cpp" line="192"/>
        <source>Plain text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/ReminderTemplatesPage.cpp" line="193"/>
        <source>HTML</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/ReminderTemplatesPage.cpp" line="195"/>
        <source>Text message (SMS)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/ReminderTemplatesPage.cpp" line="200"/>
        <source>Placeholders (click to insert)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/ReminderTemplatesPage.cpp" line="204"/>
        <source>The client&apos;s first name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/ReminderTemplatesPage.cpp" line="205"/>
        <source>The appointment&apos;s date, in the practice&apos;s time zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/ReminderTemplatesPage.cpp" line="206"/>
        <source>The appointment&apos;s time, in the practice&apos;s time zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/ReminderTemplatesPage.cpp" line="207"/>
        <source>The provider&apos;s name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/ReminderTemplatesPage.cpp" line="208"/>
        <source>Where the appointment is (Office, Virtual, …)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/ReminderTemplatesPage.cpp" line="209"/>
        <source>The link that confirms the appointment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/ReminderTemplatesPage.cpp" line="210"/>
        <source>The link that tells the practice the client cannot come</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/ReminderTemplatesPage.cpp" line="211"/>
        <source>The practice&apos;s name, as set on the Sending page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/ReminderTemplatesPage.cpp" line="227"/>
        <source>Preview: a reminder to Alex</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/ReminderTemplatesPage.cpp" line="255"/>
        <source>A sample appointment next Tuesday at 10:00 in the practice&apos;s time zone; the links are as long as real ones.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/ReminderTemplatesPage.cpp" line="262"/>
        <source>Text message:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/ReminderTemplatesPage.cpp" line="352"/>
        <source>Reset to built-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/ReminderTemplatesPage.cpp" line="352"/>
        <source>Same as default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/ReminderTemplatesPage.cpp" line="354"/>
        <source>Use the text that comes with the scheduler</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/ReminderTemplatesPage.cpp" line="355"/>
        <source>Use this language&apos;s default template for this appointment type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/ReminderTemplatesPage.cpp" line="413"/>
        <location filename="../app/desktop/ReminderTemplatesPage.cpp" line="421"/>
        <source>%1 (customised)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/ReminderTemplatesPage.cpp" line="437"/>
        <source>Not a placeholder: %1. Use only those listed below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/ReminderTemplatesPage.cpp" line="440"/>
        <source>Reminders never carry clinical detail such as the appointment type or notes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/ReminderTemplatesPage.cpp" line="480"/>
        <source>Templates: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/ReminderTemplatesPage.cpp" line="517"/>
        <source>Your practice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/ReminderTemplatesPage.cpp" line="520"/>
        <source>Subject: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/ReminderTemplatesPage.cpp" line="525"/>
        <source>Characters: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/ReminderTemplatesPage.cpp" line="526"/>
        <source>SMS parts: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/ReminderTemplatesPage.cpp" line="527"/>
        <source>UCS-2 (70 characters, 67 a part)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/ReminderTemplatesPage.cpp" line="528"/>
        <source>GSM-7 (160 characters, 153 a part)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/ReminderTemplatesPage.cpp" line="532"/>
        <source>This text goes as %1 messages: each is billed and phones may show them out of order. Keep it to 2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/ReminderTemplatesPage.cpp" line="536"/>
        <source>Characters outside the GSM alphabet (such as á, í, ó, ú) make every part shorter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/ReminderTemplatesPage.cpp" line="543"/>
        <source>Text messages must carry no clinical detail: {%1} is not sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/ReminderTemplatesPage.cpp" line="555"/>
        <source>This text names the appointment type (%1): text messages should carry no clinical detail.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mss::desktop::Startup</name>
    <message>
        <location filename="../app/desktop/Startup.cpp" line="114"/>
        <source>MentalSpace Scheduler</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/Startup.cpp" line="128"/>
        <source>The office server did not start: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/Startup.cpp" line="145"/>
        <source>Starting the demo practice&apos;s server on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/Startup.cpp" line="147"/>
        <source>Signing in to %1 as %2 (password %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/Startup.cpp" line="156"/>
        <source>Creating the demo practice in %1 …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/Startup.cpp" line="159"/>
        <source>The demo practice could not be created: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/Startup.cpp" line="199"/>
        <location filename="../app/desktop/Startup.cpp" line="218"/>
        <source>Starting the office server…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/Startup.cpp" line="200"/>
        <source>Creating the practice…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/Startup.cpp" line="204"/>
        <source>Signing in to %1… The system keychain may ask for its password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/Startup.cpp" line="221"/>
        <location filename="../app/desktop/Startup.cpp" line="343"/>
        <source>Signing in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/Startup.cpp" line="232"/>
        <source>The practice could not be created: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/Startup.cpp" line="319"/>
        <source>Please sign in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/Startup.cpp" line="338"/>
        <source>this computer&apos;s office server</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../app/desktop/Startup.cpp" line="364"/>
        <source>First paint: %n appointment(s) on screen</source>
        <translation>
            <numerusform>First paint: %n appointment on screen</numerusform>
            <numerusform>First paint: %n appointments on screen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/desktop/Startup.cpp" line="394"/>
        <source>Keychain unavailable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/Startup.cpp" line="374"/>
        <source>The system keychain cannot keep your sign-in (%1). You stay signed in until you quit; next time you will be asked for your password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/Startup.cpp" line="381"/>
        <source>The system keychain cannot keep the key of this computer&apos;s copy of the schedule (%1). Meeting links and passwords are kept unencrypted in it, readable only by your account, until the keychain is available.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mss::desktop::UndoHistory</name>
    <message>
        <location filename="../app/desktop/UndoHistory.cpp" line="51"/>
        <source>&amp;Undo %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/UndoHistory.cpp" line="56"/>
        <source>Nothing to undo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/UndoHistory.cpp" line="64"/>
        <source>Not undone: %1 is no longer in the schedule.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/UndoHistory.cpp" line="68"/>
        <source>Not undone: the appointment was changed since %1; undoing would overwrite that change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/UndoHistory.cpp" line="78"/>
        <source>Booking undone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/UndoHistory.cpp" line="90"/>
        <source>Not undone: the old time of %1 is taken now (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/UndoHistory.cpp" line="92"/>
        <source>Not undone: %1 (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/UndoHistory.cpp" line="95"/>
        <source>Undone: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mss::desktop::WaitlistPanel</name>
    <message>
        <location filename="../app/desktop/WaitlistPanel.cpp" line="50"/>
        <source>Show &amp;booked and removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/WaitlistPanel.cpp" line="51"/>
        <source>&amp;Add…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/WaitlistPanel.cpp" line="52"/>
        <source>&amp;Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/WaitlistPanel.cpp" line="53"/>
        <source>&amp;Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/WaitlistPanel.cpp" line="54"/>
        <source>Release &amp;hold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/WaitlistPanel.cpp" line="57"/>
        <source>Book from &amp;waitlist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/WaitlistPanel.cpp" line="63"/>
        <location filename="../app/desktop/WaitlistPanel.cpp" line="69"/>
        <source>Priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/WaitlistPanel.cpp" line="63"/>
        <location filename="../app/desktop/WaitlistPanel.cpp" line="69"/>
        <source>Client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/WaitlistPanel.cpp" line="63"/>
        <source>Provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/WaitlistPanel.cpp" line="63"/>
        <location filename="../app/desktop/WaitlistPanel.cpp" line="69"/>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/WaitlistPanel.cpp" line="63"/>
        <source>Length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/WaitlistPanel.cpp" line="64"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/WaitlistPanel.cpp" line="64"/>
        <source>Waiting since</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/WaitlistPanel.cpp" line="69"/>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/WaitlistPanel.cpp" line="84"/>
        <source>Fits the selected time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/WaitlistPanel.cpp" line="147"/>
        <source>(not shown)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/WaitlistPanel.cpp" line="155"/>
        <source>%1: %2, held until %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/WaitlistPanel.cpp" line="167"/>
        <source>The waitlist cannot be read from the local copy: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/WaitlistPanel.cpp" line="183"/>
        <source>Any provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/WaitlistPanel.cpp" line="185"/>
        <source>%1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/WaitlistPanel.cpp" line="189"/>
        <source>not yet sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/WaitlistPanel.cpp" line="252"/>
        <source>Click a free time in a provider&apos;s column to see who on the waitlist fits it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/WaitlistPanel.cpp" line="268"/>
        <source>That time is booked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/WaitlistPanel.cpp" line="281"/>
        <source>That time is held for a waitlist client until %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/WaitlistPanel.cpp" line="310"/>
        <source>Nobody on the waitlist fits %1 with %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../app/desktop/WaitlistPanel.cpp" line="313"/>
        <source>%n waiting client(s) fit %1 with %2, best first:</source>
        <translation>
            <numerusform>%n waiting client fits %1 with %2:</numerusform>
            <numerusform>%n waiting clients fit %1 with %2, best first:</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/desktop/WaitlistPanel.cpp" line="343"/>
        <source>The waitlist entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/WaitlistPanel.cpp" line="343"/>
        <source>The change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/WaitlistPanel.cpp" line="347"/>
        <source>Added to the waitlist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/WaitlistPanel.cpp" line="347"/>
        <source>Waitlist entry saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/WaitlistPanel.cpp" line="371"/>
        <source>The removal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/WaitlistPanel.cpp" line="375"/>
        <source>Removed from the waitlist: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/WaitlistPanel.cpp" line="385"/>
        <source>Releasing the hold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/WaitlistPanel.cpp" line="389"/>
        <source>Hold released: the time can be booked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/WaitlistPanel.cpp" line="412"/>
        <source>Booking from the waitlist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/WaitlistPanel.cpp" line="417"/>
        <source>Marking the entry booked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/WaitlistPanel.cpp" line="420"/>
        <source>Booked %1 from the waitlist, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/WaitlistPanel.cpp" line="432"/>
        <source>Not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/WaitlistPanel.cpp" line="433"/>
        <source>%1 was not saved:
%2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mss::sync::LocalWaitlist</name>
    <message>
        <location filename="../core/sync/LocalWaitlist.cpp" line="83"/>
        <source>no such waitlist entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/sync/LocalWaitlist.cpp" line="112"/>
        <source>Change waitlist entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/sync/LocalWaitlist.cpp" line="129"/>
        <source>Add to waitlist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/sync/LocalWaitlist.cpp" line="168"/>
        <source>Remove from waitlist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/sync/LocalWaitlist.cpp" line="180"/>
        <source>this entry holds no slot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/sync/LocalWaitlist.cpp" line="188"/>
        <source>Release hold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/sync/LocalWaitlist.cpp" line="202"/>
        <source>Book from waitlist</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mss::ui::AppointmentCard</name>
    <message>
        <location filename="../ui/AppointmentCard.cpp" line="258"/>
        <source>No-show</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mss::ui::AppointmentDialog</name>
    <message numerus="yes">
        <location filename="../ui/AppointmentDialog.cpp" line="56"/>
        <source>%n week(s) before</source>
        <translation>
            <numerusform>%n week before</numerusform>
            <numerusform>%n weeks before</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/AppointmentDialog.cpp" line="58"/>
        <source>%n day(s) before</source>
        <translation>
            <numerusform>%n day before</numerusform>
            <numerusform>%n days before</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/AppointmentDialog.cpp" line="60"/>
        <source>%n hour(s) before</source>
        <translation>
            <numerusform>%n hour before</numerusform>
            <numerusform>%n hours before</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/AppointmentDialog.cpp" line="61"/>
        <source>%n minute(s) before</source>
        <translation>
            <numerusform>%n minute before</numerusform>
            <numerusform>%n minutes before</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/AppointmentDialog.cpp" line="94"/>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/AppointmentDialog.cpp" line="96"/>
        <source>SMS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/AppointmentDialog.cpp" line="106"/>
        <location filename="../ui/AppointmentDialog.cpp" line="358"/>
        <source>New appointment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/AppointmentDialog.cpp" line="114"/>
        <source>Type a client&apos;s name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/AppointmentDialog.cpp" line="123"/>
        <source>%1 (%2 min)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/AppointmentDialog.cpp" line="134"/>
        <source>Start time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/AppointmentDialog.cpp" line="142"/>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/AppointmentDialog.cpp" line="143"/>
        <source>https://</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/AppointmentDialog.cpp" line="145"/>
        <source>Visible to staff only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/AppointmentDialog.cpp" line="153"/>
        <source>Next &amp;open slot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/AppointmentDialog.cpp" line="154"/>
        <source>Move to the provider&apos;s next open slot of this length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/AppointmentDialog.cpp" line="159"/>
        <source>+ &amp;New client…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/AppointmentDialog.cpp" line="161"/>
        <source>Add the client you typed to the practice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/AppointmentDialog.cpp" line="179"/>
        <source>&amp;Client:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/AppointmentDialog.cpp" line="181"/>
        <source>&amp;When:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/AppointmentDialog.cpp" line="184"/>
        <source>&amp;Provider:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/AppointmentDialog.cpp" line="185"/>
        <source>&amp;Type:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/AppointmentDialog.cpp" line="187"/>
        <source>&amp;Location:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/AppointmentDialog.cpp" line="188"/>
        <source>Meeting &amp;link:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/AppointmentDialog.cpp" line="189"/>
        <source>Meeting pass&amp;word:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/AppointmentDialog.cpp" line="190"/>
        <source>&amp;Notes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/AppointmentDialog.cpp" line="192"/>
        <source>Reminders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/AppointmentDialog.cpp" line="203"/>
        <location filename="../ui/AppointmentDialog.cpp" line="359"/>
        <source>&amp;Book</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/AppointmentDialog.cpp" line="206"/>
        <source>&amp;Repeat…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/AppointmentDialog.cpp" line="207"/>
        <source>Book this as the first of a weekly or monthly series</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/AppointmentDialog.cpp" line="255"/>
        <source>%1 (born %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/AppointmentDialog.cpp" line="260"/>
        <location filename="../ui/AppointmentDialog.cpp" line="261"/>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/AppointmentDialog.cpp" line="288"/>
        <source>Choose a provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/AppointmentDialog.cpp" line="327"/>
        <source>No open time of %1 min found for %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/AppointmentDialog.cpp" line="375"/>
        <source>Edit appointment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/AppointmentDialog.cpp" line="376"/>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/AppointmentDialog.cpp" line="457"/>
        <source>Start typing to search clients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/AppointmentDialog.cpp" line="463"/>
        <location filename="../ui/AppointmentDialog.cpp" line="469"/>
        <source>No client matches &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/AppointmentDialog.cpp" line="464"/>
        <source>%n client(s) match: pick one from the list</source>
        <translation>
            <numerusform>%n client matches: pick it from the list</numerusform>
            <numerusform>%n clients match: pick one from the list</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/AppointmentDialog.cpp" line="546"/>
        <source>This time is already taken:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/AppointmentDialog.cpp" line="556"/>
        <source>the provider&apos;s appointment %1-%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/AppointmentDialog.cpp" line="557"/>
        <source>the client&apos;s appointment %1-%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/AppointmentDialog.cpp" line="564"/>
        <source>%1 is not available at this time, and this practice does not book outside availability.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/AppointmentDialog.cpp" line="567"/>
        <source>%1 is not available at this time. You can still book it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mss::ui::AppointmentSearchField</name>
    <message>
        <location filename="../ui/AppointmentSearchField.cpp" line="24"/>
        <source>Find a client&apos;s appointment (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/AppointmentSearchField.cpp" line="31"/>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/AppointmentSearchField.cpp" line="31"/>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/AppointmentSearchField.cpp" line="31"/>
        <source>Client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/AppointmentSearchField.cpp" line="31"/>
        <source>Provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/AppointmentSearchField.cpp" line="31"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/AppointmentSearchField.cpp" line="68"/>
        <source>No appointment of a client named “%1”</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mss::ui::AppointmentTypes</name>
    <message>
        <location filename="../ui/AppointmentTypes.cpp" line="60"/>
        <source>Initial Assessment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/AppointmentTypes.cpp" line="62"/>
        <source>Individual Therapy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/AppointmentTypes.cpp" line="64"/>
        <source>Group Therapy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/AppointmentTypes.cpp" line="66"/>
        <source>Couples Therapy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/AppointmentTypes.cpp" line="68"/>
        <source>Family Therapy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/AppointmentTypes.cpp" line="70"/>
        <source>Medication Management</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/AppointmentTypes.cpp" line="72"/>
        <source>Consultation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/AppointmentTypes.cpp" line="74"/>
        <location filename="../ui/AppointmentTypes.cpp" line="108"/>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/AppointmentTypes.cpp" line="82"/>
        <source>Scheduled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/AppointmentTypes.cpp" line="84"/>
        <source>Confirmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/AppointmentTypes.cpp" line="86"/>
        <source>Completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/AppointmentTypes.cpp" line="88"/>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/AppointmentTypes.cpp" line="90"/>
        <source>No-show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/AppointmentTypes.cpp" line="92"/>
        <source>Rescheduled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/AppointmentTypes.cpp" line="100"/>
        <source>Office</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/AppointmentTypes.cpp" line="102"/>
        <source>Virtual</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/AppointmentTypes.cpp" line="104"/>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/AppointmentTypes.cpp" line="106"/>
        <source>Home visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/AppointmentTypes.cpp" line="116"/>
        <source>Not sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/AppointmentTypes.cpp" line="118"/>
        <source>Reminder sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/AppointmentTypes.cpp" line="120"/>
        <source>Confirmed by client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/AppointmentTypes.cpp" line="122"/>
        <source>Declined by client</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mss::ui::AvailabilityEditor</name>
    <message>
        <location filename="../ui/AvailabilityEditor.cpp" line="32"/>
        <source>until</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/AvailabilityEditor.cpp" line="38"/>
        <source>All day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/AvailabilityEditor.cpp" line="43"/>
        <source>&amp;Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/AvailabilityEditor.cpp" line="44"/>
        <source>&amp;Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/AvailabilityEditor.cpp" line="52"/>
        <source>Open hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/AvailabilityEditor.cpp" line="53"/>
        <source>Unavailable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/AvailabilityEditor.cpp" line="54"/>
        <source>Office or virtual</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/AvailabilityEditor.cpp" line="55"/>
        <source>Office</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/AvailabilityEditor.cpp" line="56"/>
        <source>Virtual</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/AvailabilityEditor.cpp" line="57"/>
        <source>Other location</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/AvailabilityEditor.cpp" line="67"/>
        <source>Time off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/AvailabilityEditor.cpp" line="68"/>
        <source>Extra hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/AvailabilityEditor.cpp" line="69"/>
        <source>Note (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/AvailabilityEditor.cpp" line="72"/>
        <source>Drag on the week to add:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/AvailabilityEditor.cpp" line="75"/>
        <source>effective from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/AvailabilityEditor.cpp" line="81"/>
        <source>Time off and one-off changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/AvailabilityEditor.cpp" line="142"/>
        <source>Availability of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/AvailabilityEditor.cpp" line="176"/>
        <source>all day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/AvailabilityEditor.cpp" line="179"/>
        <source>%1, %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/AvailabilityEditor.cpp" line="179"/>
        <source>extra hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/AvailabilityEditor.cpp" line="179"/>
        <source>time off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/AvailabilityEditor.cpp" line="261"/>
        <source>, </source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/AvailabilityEditor.cpp" line="263"/>
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 and %n more</numerusform>
            <numerusform>%1 and %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/AvailabilityEditor.cpp" line="265"/>
        <source>%n appointment(s) booked in this time off: %1</source>
        <translation>
            <numerusform>%n appointment is booked in this time off: %1</numerusform>
            <numerusform>%n appointments are booked in this time off: %1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/AvailabilityEditor.cpp" line="266"/>
        <source>&amp;Open it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/AvailabilityEditor.cpp" line="266"/>
        <source>&amp;Open the first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/AvailabilityEditor.cpp" line="267"/>
        <source>Open an appointment booked in this time off, to move or cancel it</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mss::ui::CalendarModel</name>
    <message>
        <location filename="../ui/CalendarModel.cpp" line="118"/>
        <location filename="../ui/CalendarModel.cpp" line="223"/>
        <location filename="../ui/CalendarModel.cpp" line="243"/>
        <source>Busy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/CalendarModel.cpp" line="167"/>
        <source>Unknown provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/CalendarModel.cpp" line="174"/>
        <source>Client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/CalendarModel.cpp" line="204"/>
        <location filename="../ui/CalendarModel.cpp" line="219"/>
        <source>same provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/CalendarModel.cpp" line="205"/>
        <location filename="../ui/CalendarModel.cpp" line="220"/>
        <source>same client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/CalendarModel.cpp" line="208"/>
        <source>Another appointment, %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/CalendarModel.cpp" line="222"/>
        <source>%1 with %2, %3 (%4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/CalendarModel.cpp" line="224"/>
        <source>%1, %2 with %3, %4 (%5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/CalendarModel.cpp" line="258"/>
        <source>%1 - %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/CalendarModel.cpp" line="260"/>
        <source>%1
%2 with %3
%4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/CalendarModel.cpp" line="266"/>
        <source>Not yet sent to the server</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mss::ui::CalendarWidget</name>
    <message>
        <location filename="../ui/CalendarWidget.cpp" line="53"/>
        <source>&amp;Location:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/CalendarWidget.cpp" line="56"/>
        <source>All locations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/CalendarWidget.cpp" line="364"/>
        <location filename="../ui/CalendarWidget.cpp" line="366"/>
        <source>%1 – %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mss::ui::CancelDialog</name>
    <message>
        <location filename="../ui/CancelDialog.cpp" line="21"/>
        <source>Cancel appointment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/CancelDialog.cpp" line="31"/>
        <source>Client request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/CancelDialog.cpp" line="31"/>
        <source>Client illness</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/CancelDialog.cpp" line="31"/>
        <source>Provider unavailable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/CancelDialog.cpp" line="32"/>
        <source>Scheduling conflict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/CancelDialog.cpp" line="32"/>
        <source>Weather or emergency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/CancelDialog.cpp" line="34"/>
        <source>Required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/CancelDialog.cpp" line="49"/>
        <source>&amp;Reason:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/CancelDialog.cpp" line="50"/>
        <source>Cancellation &amp;fee:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/CancelDialog.cpp" line="54"/>
        <source>Cancel &amp;appointment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/CancelDialog.cpp" line="55"/>
        <source>&amp;Keep appointment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/CancelDialog.cpp" line="98"/>
        <source>The appointment has already started.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/CancelDialog.cpp" line="99"/>
        <source>It starts in %n min.</source>
        <translation>
            <numerusform>It starts in %n min.</numerusform>
            <numerusform>It starts in %n min.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/CancelDialog.cpp" line="100"/>
        <source>It starts in %1 h %2 min.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/CancelDialog.cpp" line="103"/>
        <source>Late cancellation: less than %1 hours before the start. %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mss::ui::CancelledDialog</name>
    <message>
        <location filename="../ui/CancelledDialog.cpp" line="21"/>
        <source>Cancelled appointment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/CancelledDialog.cpp" line="35"/>
        <source>Status:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/CancelledDialog.cpp" line="36"/>
        <source>Reason:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/CancelledDialog.cpp" line="37"/>
        <source>Cancellation fee:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/CancelledDialog.cpp" line="40"/>
        <source>&amp;Reinstate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/CancelledDialog.cpp" line="41"/>
        <source>Book it again at the same time, as Scheduled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/CancelledDialog.cpp" line="72"/>
        <source>None given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/CancelledDialog.cpp" line="75"/>
        <source>No fee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/CancelledDialog.cpp" line="80"/>
        <source>It cannot be reinstated: its time is taken now by %1. Book a new time instead.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mss::ui::DaySheet</name>
    <message>
        <location filename="../ui/DaySheet.cpp" line="94"/>
        <source>Day sheet: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/DaySheet.cpp" line="99"/>
        <source>%1 (times in %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/DaySheet.cpp" line="118"/>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/DaySheet.cpp" line="118"/>
        <source>Client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/DaySheet.cpp" line="118"/>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/DaySheet.cpp" line="119"/>
        <source>Location</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/DaySheet.cpp" line="119"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/DaySheet.cpp" line="163"/>
        <source>No appointments.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/DaySheet.cpp" line="175"/>
        <source>Day sheet</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mss::ui::DayView</name>
    <message>
        <location filename="../ui/DayView.cpp" line="25"/>
        <source>All providers</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mss::ui::EditScopeDialog</name>
    <message>
        <location filename="../ui/EditScopeDialog.cpp" line="12"/>
        <source>&amp;This occurrence only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/EditScopeDialog.cpp" line="13"/>
        <source>This and &amp;following occurrences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/EditScopeDialog.cpp" line="14"/>
        <source>&amp;All occurrences of the series</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/EditScopeDialog.cpp" line="15"/>
        <source>Recurring appointment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/EditScopeDialog.cpp" line="16"/>
        <source>This appointment is part of a series. Which occurrences do you want to %1?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mss::ui::LocalText</name>
    <message>
        <location filename="../ui/LocalText.cpp" line="20"/>
        <source>%1 – %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/LocalText.cpp" line="33"/>
        <source>until %1</source>
        <comment>an end time</comment>
        <translation>
            <numerusform>until %1</numerusform>
            <numerusform>until %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mss::ui::MiniMonth</name>
    <message>
        <location filename="../ui/MiniMonth.cpp" line="12"/>
        <source>Month</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mss::ui::MonthView</name>
    <message>
        <location filename="../ui/MonthView.cpp" line="194"/>
        <source>%1 (no-show)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/MonthView.cpp" line="211"/>
        <source>+%n more</source>
        <translation>
            <numerusform>+%n more</numerusform>
            <numerusform>+%n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mss::ui::NavigationBar</name>
    <message>
        <location filename="../ui/NavigationBar.cpp" line="57"/>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/NavigationBar.cpp" line="57"/>
        <source>Go to today (T)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/NavigationBar.cpp" line="59"/>
        <source>Previous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/NavigationBar.cpp" line="59"/>
        <source>Previous (Left arrow)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/NavigationBar.cpp" line="60"/>
        <source>Next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/NavigationBar.cpp" line="60"/>
        <source>Next (Right arrow)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/NavigationBar.cpp" line="82"/>
        <source>Go to a date (Up and Down move a day)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/NavigationBar.cpp" line="83"/>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/NavigationBar.cpp" line="87"/>
        <source>Provider shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/NavigationBar.cpp" line="88"/>
        <source>Provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/NavigationBar.cpp" line="93"/>
        <source>Day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/NavigationBar.cpp" line="94"/>
        <source>Week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/NavigationBar.cpp" line="95"/>
        <source>Providers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/NavigationBar.cpp" line="96"/>
        <source>Month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/NavigationBar.cpp" line="99"/>
        <source>%1 view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/NavigationBar.cpp" line="109"/>
        <source>Zoom out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/NavigationBar.cpp" line="109"/>
        <source>Zoom out (Ctrl+Minus)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/NavigationBar.cpp" line="111"/>
        <source>Zoom in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/NavigationBar.cpp" line="111"/>
        <source>Zoom in (Ctrl+Plus)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/NavigationBar.cpp" line="161"/>
        <source>All providers</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mss::ui::NewClientDialog</name>
    <message>
        <location filename="../ui/NewClientDialog.cpp" line="27"/>
        <source>New client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/NewClientDialog.cpp" line="28"/>
        <source>(202) 555-0143 or +44 20 7946 0018</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/NewClientDialog.cpp" line="29"/>
        <source>name@example.org</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/NewClientDialog.cpp" line="30"/>
        <source>YYYY-MM-DD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/NewClientDialog.cpp" line="40"/>
        <source>&amp;First name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/NewClientDialog.cpp" line="41"/>
        <source>&amp;Last name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/NewClientDialog.cpp" line="42"/>
        <source>&amp;Phone:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/NewClientDialog.cpp" line="43"/>
        <source>&amp;Email:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/NewClientDialog.cpp" line="44"/>
        <source>&amp;Date of birth:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/NewClientDialog.cpp" line="48"/>
        <source>&amp;Add client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/NewClientDialog.cpp" line="81"/>
        <source>Type the date of birth as YYYY-MM-DD (%1 is not one).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/NewClientDialog.cpp" line="158"/>
        <source>%1 (born %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/NewClientDialog.cpp" line="159"/>
        <source>%1 has %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/NewClientDialog.cpp" line="160"/>
        <source>Use %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/NewClientDialog.cpp" line="170"/>
        <source>This may be a client the practice has already:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/NewClientDialog.cpp" line="172"/>
        <source>Use them instead, or add the new client anyway.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/NewClientDialog.cpp" line="174"/>
        <source>&amp;Add anyway</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mss::ui::OfflineBanner</name>
    <message>
        <location filename="../ui/SyncStatusIndicator.cpp" line="105"/>
        <location filename="../ui/SyncStatusIndicator.cpp" line="128"/>
        <source>&amp;Retry now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SyncStatusIndicator.cpp" line="128"/>
        <source>Trying…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SyncStatusIndicator.cpp" line="133"/>
        <source>Tried at %1: connected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SyncStatusIndicator.cpp" line="134"/>
        <source>Tried at %1: the server did not answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SyncStatusIndicator.cpp" line="148"/>
        <source>You are offline. Bookings and changes are kept on this computer and sent to the server when the connection returns; other desks do not see them until then.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/SyncStatusIndicator.cpp" line="152"/>
        <source>%n change(s) waiting.</source>
        <translation>
            <numerusform>%n change waiting.</numerusform>
            <numerusform>%n changes waiting.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/SyncStatusIndicator.cpp" line="154"/>
        <source>Trying to reach the server…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mss::ui::ProviderLegend</name>
    <message>
        <location filename="../ui/ProviderLegend.cpp" line="18"/>
        <source>Clinicians</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mss::ui::RecurrenceDialog</name>
    <message>
        <location filename="../ui/RecurrenceDialog.cpp" line="39"/>
        <source>After</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/RecurrenceDialog.cpp" line="41"/>
        <source>On</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/RecurrenceDialog.cpp" line="43"/>
        <source>Skip the dates that conflict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/RecurrenceDialog.cpp" line="48"/>
        <source>Repeat appointment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/RecurrenceDialog.cpp" line="51"/>
        <source>Weekly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/RecurrenceDialog.cpp" line="52"/>
        <source>Every two weeks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/RecurrenceDialog.cpp" line="53"/>
        <source>Monthly, on a day of the month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/RecurrenceDialog.cpp" line="54"/>
        <source>Monthly, on a weekday of the month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/RecurrenceDialog.cpp" line="55"/>
        <source>Custom rule (RFC 5545)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/RecurrenceDialog.cpp" line="59"/>
        <source>On 29, 30 or 31, shorter months use their last day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/RecurrenceDialog.cpp" line="60"/>
        <source>First</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/RecurrenceDialog.cpp" line="61"/>
        <source>Second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/RecurrenceDialog.cpp" line="62"/>
        <source>Third</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/RecurrenceDialog.cpp" line="63"/>
        <source>Fourth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/RecurrenceDialog.cpp" line="64"/>
        <source>Last</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/RecurrenceDialog.cpp" line="75"/>
        <source> occurrences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/RecurrenceDialog.cpp" line="96"/>
        <source>&amp;Repeat:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/RecurrenceDialog.cpp" line="98"/>
        <source>&amp;Starting:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/RecurrenceDialog.cpp" line="100"/>
        <source>Ends:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/RecurrenceDialog.cpp" line="102"/>
        <source>&amp;Week of the month:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/RecurrenceDialog.cpp" line="103"/>
        <source>&amp;Day:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/RecurrenceDialog.cpp" line="104"/>
        <source>Day of the &amp;month:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/RecurrenceDialog.cpp" line="105"/>
        <source>R&amp;ule:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/RecurrenceDialog.cpp" line="111"/>
        <source>&amp;Create series</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/RecurrenceDialog.cpp" line="116"/>
        <source>Dates:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/RecurrenceDialog.cpp" line="170"/>
        <source>%1, %2 min, from %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/RecurrenceDialog.cpp" line="236"/>
        <source>Conflicts with another appointment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/RecurrenceDialog.cpp" line="262"/>
        <source>This repetition cannot be used: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/RecurrenceDialog.cpp" line="286"/>
        <source>another appointment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/RecurrenceDialog.cpp" line="287"/>
        <source>%1   — conflicts: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/RecurrenceDialog.cpp" line="291"/>
        <source>%1   — outside availability</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/RecurrenceDialog.cpp" line="298"/>
        <source>%n appointment(s) will be booked.</source>
        <translation>
            <numerusform>%n appointment will be booked.</numerusform>
            <numerusform>%n appointments will be booked.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/RecurrenceDialog.cpp" line="300"/>
        <source>%n appointment(s), </source>
        <translation>
            <numerusform>%n appointment, </numerusform>
            <numerusform>%n appointments, </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/RecurrenceDialog.cpp" line="301"/>
        <source>%n of which conflict(s).</source>
        <translation>
            <numerusform>%n of which conflicts.</numerusform>
            <numerusform>%n of which conflict.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mss::ui::SyncConflictPanel</name>
    <message>
        <location filename="../ui/SyncConflictPanel.cpp" line="16"/>
        <source>&amp;Keep mine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SyncConflictPanel.cpp" line="17"/>
        <source>&amp;Take theirs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SyncConflictPanel.cpp" line="18"/>
        <source>&amp;Pick another time...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SyncConflictPanel.cpp" line="24"/>
        <source>Send this desk&apos;s change again, replacing the other one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SyncConflictPanel.cpp" line="25"/>
        <source>Drop this desk&apos;s change and keep what the server has</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SyncConflictPanel.cpp" line="26"/>
        <source>Book this desk&apos;s change at another time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SyncConflictPanel.cpp" line="67"/>
        <source>No conflicts: every change of this desk reached the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/SyncConflictPanel.cpp" line="68"/>
        <source>%n change(s) of this desk could not be saved on the server:</source>
        <translation>
            <numerusform>%n change of this desk could not be saved on the server:</numerusform>
            <numerusform>%n changes of this desk could not be saved on the server:</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/SyncConflictPanel.cpp" line="90"/>
        <source>This desk: %1
Server: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mss::ui::SyncStatusIndicator</name>
    <message>
        <location filename="../ui/SyncStatusIndicator.cpp" line="13"/>
        <source>Connection status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SyncStatusIndicator.cpp" line="56"/>
        <source>Online · all changes saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/SyncStatusIndicator.cpp" line="57"/>
        <source>Online · %n change(s) to send</source>
        <translation>
            <numerusform>Online · %n change to send</numerusform>
            <numerusform>Online · %n changes to send</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/SyncStatusIndicator.cpp" line="60"/>
        <source>Offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/SyncStatusIndicator.cpp" line="61"/>
        <source>Offline · %n change(s) waiting</source>
        <translation>
            <numerusform>Offline · %n change waiting</numerusform>
            <numerusform>Offline · %n changes waiting</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/SyncStatusIndicator.cpp" line="64"/>
        <source>Syncing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/SyncStatusIndicator.cpp" line="65"/>
        <source>Syncing %n change(s)…</source>
        <translation>
            <numerusform>Syncing %n change…</numerusform>
            <numerusform>Syncing %n changes…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/SyncStatusIndicator.cpp" line="68"/>
        <source>Server not answering · %n change(s) waiting</source>
        <translation>
            <numerusform>Server not answering · %n change waiting</numerusform>
            <numerusform>Server not answering · %n changes waiting</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/SyncStatusIndicator.cpp" line="72"/>
        <source>%n conflict(s) to resolve</source>
        <translation>
            <numerusform>%n conflict to resolve</numerusform>
            <numerusform>%n conflicts to resolve</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/SyncStatusIndicator.cpp" line="74"/>
        <source>Click to resolve the conflicts</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mss::ui::TimeField</name>
    <message>
        <location filename="../ui/TimeField.cpp" line="71"/>
        <source>e.g. 14:30 or 2:30 pm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/TimeField.cpp" line="72"/>
        <source>Type a time: 1430, 14:30, 2:30 pm or 9</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/TimeField.cpp" line="95"/>
        <source>Type the start time, e.g. 14:30</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/TimeField.cpp" line="96"/>
        <source>&apos;%1&apos; is not a time</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mss::ui::TimeGridView</name>
    <message>
        <location filename="../ui/TimeGridView.cpp" line="548"/>
        <source>New appointment at %1...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/TimeGridView.cpp" line="557"/>
        <source>&amp;Details...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/TimeGridView.cpp" line="559"/>
        <source>&amp;Reinstate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/TimeGridView.cpp" line="563"/>
        <source>&amp;Edit...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/TimeGridView.cpp" line="572"/>
        <source>C&amp;onfirm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/TimeGridView.cpp" line="574"/>
        <source>&amp;Complete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/TimeGridView.cpp" line="576"/>
        <source>Mark &amp;no-show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/TimeGridView.cpp" line="579"/>
        <source>C&amp;ancel appointment...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/TimeGridViewPainting.cpp" line="145"/>
        <source>Held for waitlist until %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/TimeGridViewPainting.cpp" line="205"/>
        <source>Unavailable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/TimeGridViewPainting.cpp" line="205"/>
        <source>Unavailable: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/TimeGridViewPainting.cpp" line="217"/>
        <source>Clocks go forward</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/TimeGridViewPainting.cpp" line="262"/>
        <source>New: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/TimeGridViewPainting.cpp" line="288"/>
        <source>Conflict: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/TimeGridViewPainting.cpp" line="289"/>
        <source>Outside availability</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mss::ui::WaitlistDialog</name>
    <message>
        <location filename="../ui/WaitlistDialog.cpp" line="47"/>
        <source>High</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/WaitlistDialog.cpp" line="49"/>
        <source>Low</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/WaitlistDialog.cpp" line="50"/>
        <source>Normal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/WaitlistDialog.cpp" line="55"/>
        <source>Offered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/WaitlistDialog.cpp" line="57"/>
        <source>Booked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/WaitlistDialog.cpp" line="59"/>
        <source>Expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/WaitlistDialog.cpp" line="61"/>
        <source>Removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/WaitlistDialog.cpp" line="62"/>
        <source>Waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/WaitlistDialog.cpp" line="77"/>
        <source>Add &amp;window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/WaitlistDialog.cpp" line="78"/>
        <source>Remove w&amp;indow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/WaitlistDialog.cpp" line="79"/>
        <source>Not &amp;before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/WaitlistDialog.cpp" line="81"/>
        <source>Not &amp;after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/WaitlistDialog.cpp" line="85"/>
        <source>&amp;Expires</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/WaitlistDialog.cpp" line="88"/>
        <source>Waitlist entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/WaitlistDialog.cpp" line="95"/>
        <source>Type a client&apos;s name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/WaitlistDialog.cpp" line="98"/>
        <source>Any provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/WaitlistDialog.cpp" line="106"/>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/WaitlistDialog.cpp" line="120"/>
        <source>Day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/WaitlistDialog.cpp" line="120"/>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/WaitlistDialog.cpp" line="120"/>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/WaitlistDialog.cpp" line="124"/>
        <source>The times the client can come, on the practice&apos;s clock; none means any time the provider is available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/WaitlistDialog.cpp" line="145"/>
        <source>Scheduling notes only (no clinical details)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/WaitlistDialog.cpp" line="157"/>
        <source>&amp;Client:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/WaitlistDialog.cpp" line="158"/>
        <source>&amp;Provider:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/WaitlistDialog.cpp" line="159"/>
        <source>&amp;Type:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/WaitlistDialog.cpp" line="160"/>
        <source>&amp;Duration:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/WaitlistDialog.cpp" line="161"/>
        <source>&amp;Location:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/WaitlistDialog.cpp" line="169"/>
        <source>Preferred &amp;times:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/WaitlistDialog.cpp" line="175"/>
        <source>Dates:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/WaitlistDialog.cpp" line="176"/>
        <source>P&amp;riority:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/WaitlistDialog.cpp" line="177"/>
        <source>&amp;Notes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/WaitlistDialog.cpp" line="181"/>
        <source>Expiry:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/WaitlistDialog.cpp" line="203"/>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/WaitlistDialog.cpp" line="318"/>
        <source>Client: choose the client who is waiting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/WaitlistDialog.cpp" line="319"/>
        <source>Client: no client is called &quot;%1&quot;; pick one from the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/WaitlistDialog.cpp" line="325"/>
        <source>Preferred times: window %1 ends at or before it starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/WaitlistDialog.cpp" line="327"/>
        <source>Preferred times: window %1 is shorter than the %2 minutes asked for.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/WaitlistDialog.cpp" line="333"/>
        <source>Dates: &quot;not after&quot; is before &quot;not before&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/WaitlistDialog.cpp" line="335"/>
        <source>Notes: at most %1 characters.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mss::ui::WeekView</name>
    <message>
        <location filename="../ui/WeekView.cpp" line="43"/>
        <source>No providers yet: add clinicians with mentalspace-server user add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/WeekView.cpp" line="44"/>
        <source>All providers</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mss::ui::WeeklyHoursGrid</name>
    <message>
        <location filename="../ui/WeeklyHoursGrid.cpp" line="34"/>
        <source>Office</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/WeeklyHoursGrid.cpp" line="36"/>
        <source>Virtual</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/WeeklyHoursGrid.cpp" line="38"/>
        <source>Office or virtual</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/WeeklyHoursGrid.cpp" line="40"/>
        <source>Other location</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/WeeklyHoursGrid.cpp" line="186"/>
        <source>Unavailable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/WeeklyHoursGrid.cpp" line="254"/>
        <source>&amp;Remove block</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
