/**
 * The {@link dev.drivenotes.carla.sim.Simulator} port and its exceptions; each backend lives in a
 * subpackage ({@code sim.embedded}) and is chosen only by the Spring wiring.
 */
package dev.drivenotes.carla.sim;
