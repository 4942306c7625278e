package io.score4j.cli;

public final class Main {
    private Main() {}
    public static void main(String[] args) { System.out.println("score4j"); }
}
