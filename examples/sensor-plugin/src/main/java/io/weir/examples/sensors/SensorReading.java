package io.weir.examples.sensors;

/**
 * One temperature reading.
 *
 * @param sensor    the sensor's name, {@code "sensor-<n>"}
 * @param index     the reading's number for its sensor, from 0
 * @param timestamp event time, epoch milliseconds
 * @param celsius   the temperature
 */
public record SensorReading(String sensor, long index, long timestamp, double celsius) {
    /** The reading as a CSV row: {@code sensor,index,timestamp,celsius}. */
    public String toCsv() {
        return sensor + "," + index + "," + timestamp + "," + celsius;
    }
}
