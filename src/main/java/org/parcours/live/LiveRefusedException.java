package org.parcours.live;

/** An action the room refuses, with the reason to show; nothing has been written when it is thrown. */
public class LiveRefusedException extends RuntimeException {

    private final Refusal refusal;
    private final transient Object[] args;

    public LiveRefusedException(Refusal refusal, Object... args) {
        super(refusal.name(), null, false, false);
        this.refusal = refusal;
        this.args = args.clone();
    }

    public Refusal refusal() {
        return refusal;
    }

    public Object[] args() {
        return args.clone();
    }
}
