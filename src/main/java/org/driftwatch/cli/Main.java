package org.driftwatch.cli;
public class Main { public static void main(String[] a) {} }
