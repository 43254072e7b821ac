/**
 * The hypervisor driver SPI: {@link dev.overcast.compute.virt.VirtDriver} and the records it
 * speaks in. Drivers live in subpackages ({@code fake}, later {@code qemu}).
 */
package dev.overcast.compute.virt;
