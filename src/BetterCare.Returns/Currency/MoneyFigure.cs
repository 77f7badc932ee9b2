namespace BetterCare.Returns.Currency;

/// <summary>
/// A money value together with the rounding step it was written to: <c>21,307</c> in £000s
/// is £21,307,000 with a step of £1,000. Two figures disagree only when their difference
/// exceeds half the step of each figure involved, added up.
/// </summary>
public readonly record struct MoneyFigure(Money Amount, Money Step)
{
    public static MoneyFigure Exact(Money amount) => new(amount, new Money(1));

    public static MoneyFigure operator +(MoneyFigure a, MoneyFigure b) => new(a.Amount + b.Amount, a.Step + b.Step);

    public static MoneyFigure Sum(IEnumerable<MoneyFigure> figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        var amount = Money.Zero;
        var steps = Money.Zero;
        foreach (var figure in figures)
        {
            amount += figure.Amount;
            steps += figure.Step;
        }

        return new MoneyFigure(amount, steps);
    }

    /// <summary>
    /// True when the two figures differ by more than the rounding they carry. Each figure's
    /// <see cref="Step"/> may already be a sum of steps (for a column sum), so the allowed
    /// difference is half of both added together.
    /// </summary>
    public static bool Disagree(MoneyFigure a, MoneyFigure b)
    {
        var diff = Math.Abs(a.Amount.Pence - b.Amount.Pence);
        return 2 * diff > a.Step.Pence + b.Step.Pence;
    }

    /// <summary>The allowed difference between two figures, for messages.</summary>
    public static Money Tolerance(MoneyFigure a, MoneyFigure b) => new((a.Step.Pence + b.Step.Pence) / 2);
}
