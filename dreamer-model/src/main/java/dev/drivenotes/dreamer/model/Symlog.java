package dev.drivenotes.dreamer.model;

import ai.djl.ndarray.NDArray;

/** DreamerV3's symmetric log squashing, {@code sign(x)·ln(1+|x|)}, and its inverse. */
public final class Symlog {

    private Symlog() {}

    public static double symlog(double x) {
        return Math.signum(x) * Math.log1p(Math.abs(x));
    }

    public static double symexp(double x) {
        return Math.signum(x) * Math.expm1(Math.abs(x));
    }

    public static NDArray symlog(NDArray x) {
        return x.abs().add(1f).log().mul(x.sign());
    }

    public static NDArray symexp(NDArray x) {
        return x.abs().exp().sub(1f).mul(x.sign());
    }
}
