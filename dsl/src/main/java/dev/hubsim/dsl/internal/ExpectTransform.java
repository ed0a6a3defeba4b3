package dev.hubsim.dsl.internal;

import java.util.List;
import org.codehaus.groovy.ast.ClassCodeVisitorSupport;
import org.codehaus.groovy.ast.ClassNode;
import org.codehaus.groovy.ast.expr.ArgumentListExpression;
import org.codehaus.groovy.ast.expr.BooleanExpression;
import org.codehaus.groovy.ast.expr.ConstantExpression;
import org.codehaus.groovy.ast.expr.Expression;
import org.codehaus.groovy.ast.expr.MethodCallExpression;
import org.codehaus.groovy.ast.stmt.AssertStatement;
import org.codehaus.groovy.ast.stmt.BlockStatement;
import org.codehaus.groovy.ast.stmt.ExpressionStatement;
import org.codehaus.groovy.ast.stmt.Statement;
import org.codehaus.groovy.classgen.GeneratorContext;
import org.codehaus.groovy.control.CompilePhase;
import org.codehaus.groovy.control.SourceUnit;
import org.codehaus.groovy.control.customizers.CompilationCustomizer;

/**
 * Compiles the statement {@code expect CONDITION} (and {@code expect CONDITION, 'message'}) as Groovy's
 * {@code assert}, so a failed expectation shows the values of its parts (a power assertion) instead of just "false".
 * Calls of {@code expect} that are not whole statements stay method calls.
 */
public final class ExpectTransform extends CompilationCustomizer {
    public ExpectTransform() {
        super(CompilePhase.CONVERSION);
    }

    @Override
    public void call(SourceUnit source, GeneratorContext context, ClassNode classNode) {
        new ClassCodeVisitorSupport() {
            @Override
            protected SourceUnit getSourceUnit() {
                return source;
            }

            @Override
            public void visitBlockStatement(BlockStatement block) {
                List<Statement> statements = block.getStatements();
                for (int i = 0; i < statements.size(); i++) {
                    Statement replacement = asAssert(statements.get(i));
                    if (replacement != null) {
                        statements.set(i, replacement);
                    }
                }
                super.visitBlockStatement(block);
            }
        }.visitClass(classNode);
    }

    private static Statement asAssert(Statement statement) {
        if (!(statement instanceof ExpressionStatement expression)
                || !(expression.getExpression() instanceof MethodCallExpression call)
                || !call.isImplicitThis() || !"expect".equals(call.getMethodAsString())
                || !(call.getArguments() instanceof ArgumentListExpression arguments)
                || arguments.getExpressions().isEmpty() || arguments.getExpressions().size() > 2) {
            return null;
        }
        Expression condition = arguments.getExpression(0);
        BooleanExpression check = new BooleanExpression(condition);
        check.setSourcePosition(condition);
        Expression message = arguments.getExpressions().size() == 2 ? arguments.getExpression(1)
                : ConstantExpression.NULL;
        AssertStatement assertion = new AssertStatement(check, message);
        assertion.setSourcePosition(statement);
        return assertion;
    }
}
