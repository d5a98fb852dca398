import '../styles/cpd.css';

export interface QuickDateChoice {
  label: string;
  from: string;
  to: string;
}

interface QuickDatesProps {
  choices: readonly QuickDateChoice[];
  from: string;
  to: string;
  onChoose(choice: QuickDateChoice): void;
}

/** Buttons that fill both dates at once, drawn as the CPD page's; the one matching the dates shown is pressed. */
export function QuickDates({ choices, from, to, onChoose }: QuickDatesProps) {
  return (
    <ul className="cpd-period__quick" aria-label="Quick choices">
      {choices.map((choice) => (
        <li key={choice.label}>
          <button type="button" className="button" aria-pressed={choice.from === from && choice.to === to} onClick={() => onChoose(choice)}>
            {choice.label}
          </button>
        </li>
      ))}
    </ul>
  );
}
