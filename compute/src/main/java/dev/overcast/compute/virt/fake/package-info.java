/** Simulated hypervisors for tests and scale runs: {@link dev.overcast.compute.virt.fake.FakeDriver}. */
package dev.overcast.compute.virt.fake;
