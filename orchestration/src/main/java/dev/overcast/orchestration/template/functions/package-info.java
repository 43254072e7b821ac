/**
 * HOT intrinsic functions: which exist in which version ({@link
 * dev.overcast.orchestration.template.functions.FunctionTable}), how a snippet is parsed into
 * function objects ({@link dev.overcast.orchestration.template.functions.SnippetParser}), and how
 * parsed snippets are validated and resolved ({@link
 * dev.overcast.orchestration.template.functions.Snippets}).
 */
package dev.overcast.orchestration.template.functions;
