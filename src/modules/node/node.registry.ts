import type { EntityClass } from '@mikro-orm/core';
import { Contact } from '../contact/contact.entity';
import { Document } from '../document/document.entity';
import { Event } from '../event/event.entity';
import { Organisation } from '../organisation/organisation.entity';
import { Output } from '../output/output.entity';
import { Policy } from '../policy/policy.entity';
import { BestPractice } from '../practice/practice.entity';
import { Call, Programme } from '../programme/programme.entity';
import { Project } from '../project/project.entity';
import { Claim } from '../provenance/claim.entity';
import { Sector, Theme } from '../vocabulary/vocabulary.entity';

/** The types `node(id:)` can resolve, by GraphQL type name (= class name, = the prefix in global ids). */
export const nodeTypes: Record<string, EntityClass<{ id: number }>> = Object.fromEntries(
  [Programme, Call, Project, Organisation, Output, BestPractice, Policy, Theme, Sector, Document, Claim, Event, Contact].map(
    (type) => [type.name, type as EntityClass<{ id: number }>],
  ),
);
