package lab.dashboard.control;

/** A control names a target the dashboard does not have: a 404. */
final class UnknownTargetException extends RuntimeException {

    UnknownTargetException(String target, java.util.Collection<String> known) {
        super("no target named " + target + "; targets: " + String.join(", ", known), null, false, false);
    }
}
