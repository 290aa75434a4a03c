package io.usher.schedule;

import java.time.LocalDate;

/** One day of the conference ({@code <day index date>}); dates are in the conference time zone. */
public record Day(int index, LocalDate date) {}
