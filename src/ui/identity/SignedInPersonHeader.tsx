import * as React from 'react';
import { mergeStyleSets, PersonaCoin, PersonaSize, useTheme } from '@fluentui/react';
import { IdentityError, type IIdentityService } from '../../client/identity/identityService';
import { englishIdentityStrings, type IdentityStrings } from './identityStrings';
import { useSignedInPerson } from './useSignedInPerson';

export interface SignedInPersonHeaderProps {
  identity: IIdentityService;
  strings?: IdentityStrings;
}

function failureText(error: unknown, strings: IdentityStrings): string {
  if (error instanceof IdentityError) {
    if (error.code === 'person-not-found') return strings.notFound;
    if (error.code === 'not-signed-in') return strings.notSignedIn;
  }
  return strings.unavailable;
}

/** "Signed in as Ada Lovelace, Account Executive": who the page is showing training for. Host-agnostic. */
export function SignedInPersonHeader({ identity, strings = englishIdentityStrings }: SignedInPersonHeaderProps): React.ReactElement {
  const load = useSignedInPerson(identity);
  const theme = useTheme();
  const classes = mergeStyleSets({
    root: { display: 'flex', alignItems: 'center', gap: 12, minHeight: 40, color: theme.semanticColors.bodyText },
    text: { margin: 0 },
    name: { margin: 0, fontSize: 14, fontWeight: 600 },
    details: { margin: '2px 0 0', fontSize: 12, color: theme.palette.neutralSecondary },
  });

  if (load.status === 'loading') {
    return (
      <div className={classes.root} aria-busy={true}>
        <p className={classes.text}>{strings.loading}</p>
      </div>
    );
  }
  if (load.status === 'failed') {
    return (
      <div className={classes.root}>
        <p className={classes.text} role="status">
          {failureText(load.error, strings)}
        </p>
      </div>
    );
  }
  const { person } = load;
  const name = person.displayName || person.userPrincipalName || strings.unnamed;
  const headline = person.jobTitle ? `${strings.signedInAs(name)}, ${person.jobTitle}` : strings.signedInAs(name);
  const details = [person.department, person.officeLocation].filter((part): part is string => !!part);
  return (
    <div className={classes.root}>
      {/* Fluent draws initials in palette.white, dark in a dark theme; its coin colours are made for white text. */}
      <PersonaCoin text={name} size={PersonaSize.size40} initialsTextColor="#ffffff" />
      <div>
        <p className={classes.name}>{headline}</p>
        {details.length > 0 && <p className={classes.details}>{strings.details(details)}</p>}
      </div>
    </div>
  );
}
